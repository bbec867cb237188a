package org.gridcase.resident;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.notification.NotificationTemplate;
import org.gridcase.notification.Notifications;
import org.gridcase.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes that prove a resident holds a phone (我的反映): six digits, sent through the notification
 * channel, kept only as a BCrypt hash, valid for 10 minutes and 5 tries, and used up once they open the list.
 */
@Service
class SignInCodes {

    static final int TRIES = 5;
    private static final Logger log = LoggerFactory.getLogger(SignInCodes.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    // a low cost: the code's strength is its 5 tries and 10 minutes, not the hash
    private final BCryptPasswordEncoder hashes = new BCryptPasswordEncoder(6);
    private final SignInCodeRepository codes;
    private final Notifications notifications;
    private final ResidentSettings settings;

    SignInCodes(SignInCodeRepository codes, Notifications notifications, ResidentSettings settings) {
        this.codes = codes;
        this.notifications = notifications;
        this.settings = settings;
    }

    @Transactional
    void send(String phone) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        SignInCode stored = codes.findById(phone).orElseGet(() -> new SignInCode(phone));
        stored.renew(hashes.encode(code), now().plus(settings.signInCodeLifetime()), TRIES);
        codes.save(stored);
        // urgent: the resident waits for it now, whatever the hour (no quiet hours)
        notifications.send(Recipient.reporter(phone), null, NotificationTemplate.RESIDENT_SIGN_IN_CODE,
                Map.of("code", code, "minutes", settings.signInCodeLifetime().toMinutes()), true);
        if (settings.logSignInCodes()) {
            log.info("One-time code for {}: {} (logged because gridcase.resident.log-sign-in-codes is on)",
                    phone, code);
        }
    }

    /** Whether the code is the one last sent to the phone, still valid; a wrong one spends a try. */
    @Transactional
    boolean verify(String phone, String code) {
        SignInCode stored = codes.findById(phone).orElse(null);
        if (stored == null || !stored.usable(now())) {
            return false;
        }
        if (code != null && hashes.matches(code, stored.codeHash())) {
            stored.consume();
            return true;
        }
        stored.spendTry();
        return false;
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}

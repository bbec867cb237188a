package org.gridcase.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridcase.casework.CaseRegistration;
import org.gridcase.casework.NewCase;
import org.gridcase.casework.RegisteredCase;
import org.gridcase.intake.IdempotencyClaims.Claim;
import org.gridcase.intake.IdempotencyClaims.Stored;
import org.gridcase.system.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a case once per Idempotency-Key: a client that retries after a timeout gets the case its first request
 * opened, not a second one.
 *
 * <p>The key is claimed first, in a short transaction of its own, and only the request holding the claim opens the
 * case; the claim gets the case number in the case's own transaction, so a key has a number exactly when its case
 * exists. Another request with the key meanwhile waits a few seconds for that number and answers the same case,
 * or 409 if the first is still at work. A request that fails releases its claim, so a retry may open the case; a
 * claim left by a request that died (its node stopped) is taken over by a retry a minute later.
 */
@Service
class IdempotentIntake {

    private static final Logger log = LoggerFactory.getLogger(IdempotentIntake.class);

    /** How long a request waits for the case of an earlier request with its key: a case opens within a second. */
    private static final Duration WAIT_FOR_EARLIER = Duration.ofSeconds(5);
    private static final Duration POLL_EVERY = Duration.ofMillis(50);
    /** A claim this old without its case belongs to a request that died: no intake takes that long. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final CaseRegistration registration;
    private final IdempotencyClaims claims;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;

    IdempotentIntake(CaseRegistration registration, IdempotencyClaims claims, ObjectMapper json,
            PlatformTransactionManager transactions) {
        this.registration = registration;
        this.claims = claims;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The case, and whether this request opened it (false: a replay of an earlier request with the key). */
    record Outcome(RegisteredCase registered, boolean opened) {
    }

    Outcome open(NewCase report, String key) {
        if (key == null) {
            return new Outcome(registration.open(report), true);
        }
        String hash = hash(report);
        Instant giveUpAt = Instant.now().plus(WAIT_FOR_EARLIER);
        while (true) {
            Optional<Stored> earlier = claims.find(key);
            Optional<Claim> mine;
            if (earlier.isEmpty()) {
                mine = claims.claim(key, hash);
            } else {
                Stored stored = earlier.get();
                if (!stored.requestHash().equals(hash)) {
                    throw new ConflictException("Idempotency-Key " + key + " 已用于另一份内容不同的诉求");
                }
                if (stored.caseNumber() != null) {
                    return new Outcome(registration.registered(stored.caseNumber()).orElseThrow(), false);
                }
                mine = takeOverIfAbandoned(key, stored);
            }
            if (mine.isPresent()) {
                return openClaimed(report, mine.get());
            }
            // the key is another request's, which has not opened its case yet
            if (Instant.now().isAfter(giveUpAt)) {
                throw stillInFlight();
            }
            pause();
        }
    }

    /** Whether a request with this key has opened its case: a retry of it is not a new report. */
    boolean alreadyOpened(String key) {
        return key != null && claims.hasCase(key);
    }

    private Optional<Claim> takeOverIfAbandoned(String key, Stored stored) {
        Instant abandonedBefore = Instant.now().minus(ABANDONED_AFTER);
        if (!stored.claimedAt().isBefore(abandonedBefore)) {
            return Optional.empty();
        }
        Optional<Claim> taken = claims.takeOver(key, abandonedBefore);
        taken.ifPresent(claim -> log.warn("Took over Idempotency-Key {}: claimed at {} and still without a case",
                key, stored.claimedAt()));
        return taken;
    }

    /**
     * Opens the case in one transaction with the claim's case number. Whatever fails, nothing of the case is kept,
     * and the claim is released for a retry (a retry of a refused report is refused again, a corrected one opens).
     */
    private Outcome openClaimed(NewCase report, Claim claim) {
        try {
            return transaction.execute(status -> {
                RegisteredCase registered = registration.open(report);
                if (!claims.attach(claim, registered.caseNumber())) {
                    // a retry took the claim over while this request was stuck; its case is the key's, not this one
                    throw stillInFlight();
                }
                return new Outcome(registered, true);
            });
        } catch (RuntimeException failed) {
            try {
                claims.release(claim);
            } catch (RuntimeException releaseFailed) {
                // the claim stays until a retry takes it over as abandoned
                failed.addSuppressed(releaseFailed);
            }
            throw failed;
        }
    }

    private static ConflictException stillInFlight() {
        return new ConflictException("该请求正在处理中，请稍后重试");
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stillInFlight();
        }
    }

    private String hash(NewCase report) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(report).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash the report", e);
        }
    }
}

package org.gridcase.security;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's database identity, with gridcase's rules for checking a password.
 *
 * <p>Camunda delays every login after a single wrong password (3 s, doubling) and locks an account for good
 * after ten, which stops the user more than the attacker. Here a wrong password costs nothing until
 * {@code maxFailures} in a row; then the account is locked for {@code lockDuration}, and a failure after the
 * lock has run out starts a new count. A success ends the count. The count and the lock live in the user's
 * own columns (ATTEMPTS_, LOCK_EXP_TIME_), so they hold on every node and survive restarts, and Camunda Admin's
 * and {@code IdentityService.unlockUser} still clear them.
 *
 * <p>A password still stored with an older hash (Camunda's SHA-512) is hashed again with BCrypt the moment it
 * is proven right, since that is the only time the plain password is at hand.
 */
class GridcaseIdentityProvider extends DbIdentityServiceProvider {

    private static final Logger log = LoggerFactory.getLogger(GridcaseIdentityProvider.class);

    private final BcryptPasswordEncryptor encryptor;
    private final int maxFailures;
    private final Duration lockDuration;

    GridcaseIdentityProvider(BcryptPasswordEncryptor encryptor, int maxFailures, Duration lockDuration) {
        this.encryptor = encryptor;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        boolean valid = super.checkPassword(userId, password);
        if (valid) {
            rehashIfOutdated(findUserById(userId), password);
        }
        return valid;
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        Date lockedUntil = user.getLockExpirationTime();
        return lockedUntil != null && lockedUntil.after(ClockUtil.getCurrentTime());
    }

    /** Called by Camunda after a wrong password for an account that is not locked. */
    @Override
    protected void lockUser(UserEntity user) {
        Date now = ClockUtil.getCurrentTime();
        boolean lockRanOut = user.getLockExpirationTime() != null;
        int failures = lockRanOut ? 1 : user.getAttempts() + 1;
        Date lockedUntil = null;
        if (failures >= maxFailures) {
            lockedUntil = new Date(now.getTime() + lockDuration.toMillis());
            log.info("User {} locked until {} after {} failed logins in a row", user.getId(), lockedUntil.toInstant(),
                    failures);
        }
        getIdentityInfoManager().updateUserLock(user, failures, lockedUntil);
    }

    private void rehashIfOutdated(UserEntity user, String password) {
        if (encryptor.isCurrent(user.getPassword())) {
            return;
        }
        // a new salt and the engine's default encryptor (BCrypt); the user was read in this command, so the
        // engine writes the changed hash when the command ends (before the lock columns, which it writes last)
        user.setPassword(password);
        user.encryptPassword();
    }
}

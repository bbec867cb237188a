package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account side of failed logins: no delay after a mistake, and a lock that expires by itself after ten
 * failures in a row, wherever they came from. A user of its own, so the demo staff other tests log in as are
 * never locked.
 */
@DemoDistrictTest
class AccountLockTests extends LoginTestSupport {

    static final String USER = "lock.tester";
    static final String PASSWORD = "lock-tester-password";
    static final Duration LOCK = Duration.ofMinutes(5);

    @BeforeEach
    void createUser() {
        Logins.saveUser(identity, USER, "锁定测试", PASSWORD);
    }

    @AfterEach
    void deleteUserAndResetClock() {
        ClockUtil.reset();
        identity.deleteUser(USER);
    }

    @Test
    void oneWrongPasswordDoesNotHoldUpTheRightOne() {
        // Camunda refused even the right password for some seconds after a single wrong one
        assertThat(logins.api(USER, "wrong", "198.51.100.1").statusCode()).isEqualTo(401);
        assertThat(logins.api(USER, PASSWORD, "198.51.100.1").statusCode()).isEqualTo(200);

        assertThat(logins.engineRest(USER, "wrong", "198.51.100.1").statusCode()).isEqualTo(401);
        assertThat(logins.engineRest(USER, PASSWORD, "198.51.100.1").statusCode()).isEqualTo(200);
        assertThat(failedAttempts()).as("a success starts the count again").isZero();
    }

    @Test
    void locksTheAccountAfterTenFailuresFromAnyAddressesUntilTheLockTimeHasPassed() {
        // given
        Instant before = Instant.now();
        failTenTimes(logins, USER, 10);
        Instant after = Instant.now();

        // then: locked for five minutes, even against the right password
        Instant lockedUntil = lockedUntil();
        assertThat(lockedUntil).isBetween(before.plus(LOCK), after.plus(LOCK));
        assertThat(logins.api(USER, PASSWORD, "198.51.100.100").statusCode()).isEqualTo(401);
        assertThat(failedAttempts()).as("a try while locked is not counted").isEqualTo(10);

        ClockUtil.setCurrentTime(Date.from(lockedUntil.minusSeconds(1)));
        assertThat(logins.api(USER, PASSWORD, "198.51.100.101").statusCode()).isEqualTo(401);

        // when: the lock time has passed
        ClockUtil.setCurrentTime(Date.from(lockedUntil.plusSeconds(1)));

        // then: the right password works, and the count starts again
        assertThat(logins.api(USER, PASSWORD, "198.51.100.102").statusCode()).isEqualTo(200);
        ClockUtil.reset();
        assertThat(failedAttempts()).isZero();
        assertThat(lockedUntilOrNull()).isNull();
    }

    @Test
    void aFailureAfterAnExpiredLockStartsANewCount() {
        failTenTimes(logins, USER, 20);
        ClockUtil.setCurrentTime(Date.from(lockedUntil().plusSeconds(1)));

        assertThat(logins.api(USER, "wrong", "198.51.100.110").statusCode()).isEqualTo(401);

        // one more mistake is one mistake, not another five minutes
        assertThat(failedAttempts()).isEqualTo(1);
        assertThat(logins.api(USER, PASSWORD, "198.51.100.111").statusCode()).isEqualTo(200);
    }

    /** Ten wrong passwords, each from another address (198.51.100.{first + 1} and on), so no address limit applies. */
    static void failTenTimes(Logins logins, String user, int first) {
        for (int i = 1; i <= 10; i++) {
            String address = "198.51.100." + (first + i);
            assertThat(logins.api(user, "wrong-" + i, address).statusCode()).as("try %d", i).isEqualTo(401);
        }
    }

    private int failedAttempts() {
        return jdbc.queryForObject("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, USER);
    }

    private Instant lockedUntil() {
        Instant until = lockedUntilOrNull();
        assertThat(until).as("lock expiry of " + USER).isNotNull();
        return until;
    }

    private Instant lockedUntilOrNull() {
        Timestamp until = jdbc.queryForObject("SELECT LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?",
                Timestamp.class, USER);
        return until == null ? null : until.toInstant();
    }
}

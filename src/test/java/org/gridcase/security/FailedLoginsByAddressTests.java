package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

class FailedLoginsByAddressTests {

    /** A clock the test moves by hand. */
    static class ManualClock implements TimeMeter {
        long nanos;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    final ManualClock clock = new ManualClock();
    final FailedLoginsByAddress failures = new FailedLoginsByAddress(5, Duration.ofMinutes(15), clock);

    @Test
    void letsAnAddressFailFiveTimesThenEarnsItOneTryEveryThreeMinutes() {
        for (int i = 1; i <= 5; i++) {
            assertThat(failures.waitBeforeNextAttempt("203.0.113.1")).as("before failure %d", i).isZero();
            failures.failed("203.0.113.1");
        }
        assertThat(failures.waitBeforeNextAttempt("203.0.113.1")).isEqualTo(Duration.ofMinutes(3));

        clock.advance(Duration.ofMinutes(2));
        assertThat(failures.waitBeforeNextAttempt("203.0.113.1")).isEqualTo(Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        assertThat(failures.waitBeforeNextAttempt("203.0.113.1")).isZero();
        failures.failed("203.0.113.1");
        assertThat(failures.waitBeforeNextAttempt("203.0.113.1")).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void countsEachAddressOnItsOwn() {
        for (int i = 1; i <= 5; i++) {
            failures.failed("203.0.113.2");
        }
        assertThat(failures.waitBeforeNextAttempt("203.0.113.2")).isPositive();
        assertThat(failures.waitBeforeNextAttempt("203.0.113.3")).isZero();
    }
}

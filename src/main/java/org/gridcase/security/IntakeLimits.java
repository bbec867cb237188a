package org.gridcase.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many reports anonymous callers may send, as {@code gridcase.security.intake} (defaults in application.yaml):
 * per client address and per reporter phone, each a token bucket that holds {@code burst} reports and refills
 * {@code reports} per {@code period}. {@code maxTracked} bounds how many addresses (and, apart, phones) are
 * remembered at once.
 */
@ConfigurationProperties("gridcase.security.intake")
record IntakeLimits(boolean enabled, Limit perAddress, Limit perPhone, Limit perApp, int maxTracked) {

    record Limit(int reports, Duration period, int burst) {

        Limit {
            if (reports < 1 || burst < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("An intake limit needs reports >= 1, burst >= 1 and a period: "
                        + reports + " per " + period + ", burst " + burst);
            }
        }

        /** How long an emptied bucket takes to fill up again: after that, forgetting it changes nothing. */
        Duration refillTime() {
            return period.multipliedBy(burst).dividedBy(reports).plusSeconds(1);
        }
    }

    IntakeLimits {
        if (perApp == null) {
            perApp = new Limit(200, java.time.Duration.ofHours(1), 50);
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("gridcase.security.intake.max-tracked must be positive: " + maxTracked);
        }
    }
}

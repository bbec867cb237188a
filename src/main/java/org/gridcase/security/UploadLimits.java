package org.gridcase.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many photos anonymous callers may upload, as {@code gridcase.security.uploads}: per client address, a token
 * bucket of {@code burst} uploads that refills {@code reports} per {@code period} (the same shape as
 * {@link IntakeLimits}); {@code maxTracked} bounds how many addresses are remembered at once.
 */
@ConfigurationProperties("gridcase.security.uploads")
record UploadLimits(boolean enabled, IntakeLimits.Limit perAddress, int maxTracked) {

    UploadLimits {
        if (maxTracked < 1) {
            throw new IllegalArgumentException("gridcase.security.uploads.max-tracked must be positive: " + maxTracked);
        }
    }
}

package org.gridcase.resident;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridcase.resident.*}: how near and how recent an open report must be to be offered as the same problem,
 * the address the QR codes point to (empty: the address the request came to), and whether one-time codes are
 * also written to the log (the default profile only, where no SMS gateway is connected).
 */
@ConfigurationProperties("gridcase.resident")
record ResidentSettings(@DefaultValue("100") double duplicateRadiusMeters, @DefaultValue("7") int duplicateDays,
        @DefaultValue("") String publicBaseUrl, @DefaultValue("false") boolean logSignInCodes,
        @DefaultValue("10m") Duration signInCodeLifetime) {
}

package org.gridcase.security;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code gridcase.security} in application.yaml: password hashing and the limits on failed logins. */
@ConfigurationProperties("gridcase.security")
@Validated
record SecuritySettings(@Min(4) @Max(31) int passwordHashStrength, @NotNull @Valid Login login) {

    /**
     * @param maxFailuresPerAccount consecutive failed logins after which an account is locked
     * @param accountLockDuration   how long it then stays locked
     * @param maxFailuresPerAddress failed logins a client address may make per window before it is turned away
     * @param addressWindow         the window; the address earns its tries back evenly over it
     */
    record Login(@Min(1) int maxFailuresPerAccount, @NotNull Duration accountLockDuration,
            @Min(1) int maxFailuresPerAddress, @NotNull Duration addressWindow) {
    }
}

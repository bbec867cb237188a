package org.gridcase.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code gridcase.security} in application.yaml: password hashing. */
@ConfigurationProperties("gridcase.security")
@Validated
record SecuritySettings(@Min(4) @Max(31) int passwordHashStrength) {
}

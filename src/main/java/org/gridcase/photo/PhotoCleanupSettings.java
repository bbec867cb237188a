package org.gridcase.photo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gridcase.photos.cleanup}: an upload that no case has claimed after {@code unattachedFor} is deleted (a
 * report abandoned after its photos were sent); the cleanup looks {@code every} so often. Defaults in
 * application.yaml: 24 hours, every hour.
 */
@ConfigurationProperties("gridcase.photos.cleanup")
record PhotoCleanupSettings(Duration unattachedFor, Duration every) {

    PhotoCleanupSettings {
        if (unattachedFor == null || unattachedFor.isNegative() || unattachedFor.isZero() || every == null
                || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("gridcase.photos.cleanup needs unattached-for and every, both > 0");
        }
    }
}

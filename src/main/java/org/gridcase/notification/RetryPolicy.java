package org.gridcase.notification;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * When a failed delivery is tried again: {@code base × factor^(tries-1)} after the last try, up to {@code max-tries}
 * tries in all; then the delivery is FAILED. {@code gridcase.notification.retry.*} for every channel, overridden by
 * {@code gridcase.notification.<channel>.retry.*}.
 */
@Component
class RetryPolicy {

    record Settings(Duration base, Double factor, Integer maxTries) {
    }

    private final Binder binder;
    private final Settings defaults;

    RetryPolicy(Environment environment) {
        this.binder = Binder.get(environment);
        Settings given = binder.bind("gridcase.notification.retry", Bindable.of(Settings.class))
                .orElse(new Settings(null, null, null));
        this.defaults = new Settings(given.base() == null ? Duration.ofSeconds(30) : given.base(),
                given.factor() == null ? 2.0 : given.factor(), given.maxTries() == null ? 8 : given.maxTries());
    }

    /** When to try again after {@code tries} failed tries, or null when that was the last. */
    Instant next(String channel, int tries, Instant now) {
        Settings own = binder.bind("gridcase.notification." + channel + ".retry", Bindable.of(Settings.class))
                .orElse(new Settings(null, null, null));
        int maxTries = own.maxTries() != null ? own.maxTries() : defaults.maxTries();
        if (tries >= maxTries) {
            return null;
        }
        Duration base = own.base() != null ? own.base() : defaults.base();
        double factor = own.factor() != null ? own.factor() : defaults.factor();
        return now.plusMillis(Math.round(base.toMillis() * Math.pow(factor, tries - 1)));
    }
}

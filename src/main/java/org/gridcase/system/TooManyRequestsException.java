package org.gridcase.system;

import java.time.Duration;

/**
 * The caller has used up what a limit allows for now. Answered with 429, this message, and a Retry-After of the
 * time until the limit lets one more through.
 */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up and at least one: a client that waits exactly this long is let through. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}

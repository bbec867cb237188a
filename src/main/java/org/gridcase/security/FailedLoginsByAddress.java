package org.gridcase.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins per client address, as token buckets: an address may fail {@code maxFailures} times, then earns
 * one more try every {@code window / maxFailures}. Only failures make a bucket, so staff who log in correctly
 * cost nothing here.
 *
 * <p>The buckets are kept in memory, per node, in a bounded cache. An address left alone for a whole window has
 * all its tries back anyway, so forgetting it then changes nothing; a flood of addresses evicts the least
 * recent ones early, which is what the account lock (in the database, for every node) is there for.
 */
class FailedLoginsByAddress {

    private static final Logger log = LoggerFactory.getLogger(FailedLoginsByAddress.class);
    private static final int MAX_ADDRESSES = 100_000;

    private final Cache<String, Bucket> buckets;
    private final int maxFailures;
    private final Duration window;
    private final TimeMeter clock;

    FailedLoginsByAddress(int maxFailures, Duration window, TimeMeter clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES).expireAfterAccess(window).build();
    }

    /** Zero if the address may try to log in now, else how long it has to wait. */
    Duration waitBeforeNextAttempt(String address) {
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket == null) {
            return Duration.ZERO;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    void failed(String address) {
        Bucket bucket = buckets.get(address, any -> newBucket());
        // two requests checked at the same moment may both fail after the last try was taken: nothing to count
        if (bucket.tryConsume(1) && bucket.getAvailableTokens() == 0) {
            log.warn("Client address {} has used up its {} failed logins per {}: its logins are turned away for a while",
                    address, maxFailures, window);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(maxFailures).refillGreedy(maxFailures, window))
                .withCustomTimePrecision(clock)
                .build();
    }
}

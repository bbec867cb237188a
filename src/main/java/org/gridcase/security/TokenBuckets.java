package org.gridcase.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per key (a client address, a phone), in memory. The cache is bounded, so a flood of distinct
 * keys costs a fixed amount of memory, and it forgets a bucket once it has been idle long enough to be full
 * again, which loses nothing. Limits are per node: behind a load balancer each node counts its own share.
 */
final class TokenBuckets {

    private final Bandwidth bandwidth;
    private final Cache<String, Bucket> buckets;

    TokenBuckets(IntakeLimits.Limit limit, int maxTracked) {
        this.bandwidth = Bandwidth.builder().capacity(limit.burst())
                .refillGreedy(limit.reports(), limit.period()).build();
        this.buckets = Caffeine.newBuilder().maximumSize(maxTracked)
                .expireAfterAccess(limit.refillTime()).build();
    }

    ConsumptionProbe take(String key) {
        return bucket(key).tryConsumeAndReturnRemaining(1);
    }

    /** Returns a token taken for a request that another limit then refused: that request did nothing. */
    void giveBack(String key) {
        bucket(key).addTokens(1);
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder().addLimit(bandwidth).build());
    }
}

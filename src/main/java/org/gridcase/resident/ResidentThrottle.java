package org.gridcase.resident;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.gridcase.system.TooManyRequestsException;

/**
 * One token bucket per key (a client address, a phone) in memory, like the intake's throttle: bounded, so a flood
 * of distinct keys costs a fixed amount of memory, and per node. The address is the request's remote address,
 * which Tomcat took from X-Forwarded-For only from a trusted proxy.
 */
final class ResidentThrottle {

    private final Bandwidth bandwidth;
    private final Cache<String, Bucket> buckets;
    private final String what;

    ResidentThrottle(int burst, Duration refillOne, String what) {
        this.bandwidth = Bandwidth.builder().capacity(burst).refillGreedy(1, refillOne).build();
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(refillOne.multipliedBy(burst))
                .build();
        this.what = what;
    }

    void admit(String key) {
        ConsumptionProbe probe = buckets.get(key == null ? "" : key,
                k -> Bucket.builder().addLimit(bandwidth).build()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw new TooManyRequestsException(what + "过于频繁，请 " + minutes + " 分钟后再试", wait);
        }
    }
}

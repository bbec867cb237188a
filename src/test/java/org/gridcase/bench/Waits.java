package org.gridcase.bench;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Polling for what the job executor does in the background. The first look is immediate and the pauses grow from
 * 1 ms to 20 ms, so that a result that is already there costs one query and a slow one is not hammered. A pause is
 * idle time of the benchmark's client, not work of gridcase's (the anchor never waits): pauses of up to 50 ms, as
 * they were, found a task that had just appeared up to 50 ms late; 20 ms costs a few more queries. A lifecycle's
 * clients no longer poll for their next step: they are woken by its commit ({@link NextStepSignals}); polling
 * made some 28 queries a case instead of 10, each about 1 ms of CPU in this JVM and the database.
 */
final class Waits {

    /** A case that has not moved on within this time is a broken run, not a slow one. */
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private Waits() {
    }

    /** The first non-null answer of {@code probe}; fails after {@link #TIMEOUT}. */
    static <T> T until(String what, Supplier<T> probe) {
        return until(what, TIMEOUT, probe);
    }

    static <T> T until(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 1;
        while (true) {
            T answer = probe.get();
            if (answer != null) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Waited " + timeout.toSeconds() + " s for " + what);
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(20, pauseMillis * 2);
        }
    }

    /** Until {@code count} reaches {@code target}; see {@link #untilNoneLeft}. */
    static void untilCount(String what, long target, LongSupplier count) {
        untilNoneLeft(what, () -> target - count.getAsLong());
    }

    /**
     * Until {@code left} (the work still to be done) is zero or less. Many cases take long in total, so only work
     * that stops moving for {@link #TIMEOUT} fails the run.
     */
    static void untilNoneLeft(String what, LongSupplier left) {
        long last = left.getAsLong();
        long lastMoved = System.nanoTime();
        while (last > 0) {
            sleep(20);
            long now = left.getAsLong();
            if (now != last) {
                last = now;
                lastMoved = System.nanoTime();
            } else if (System.nanoTime() - lastMoved > TIMEOUT.toNanos()) {
                throw new IllegalStateException("Waiting for %s: %d left, nothing moved for %d s".formatted(what,
                        now, TIMEOUT.toSeconds()));
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

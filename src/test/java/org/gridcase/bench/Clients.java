package org.gridcase.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Concurrent clients sharing a number of work items: each client takes the next item as soon as it has finished
 * its last, as staff at their desks would, so that {@code clients} items are in flight until the last ones.
 */
final class Clients {

    private Clients() {
    }

    /** Runs {@code work} for items 0..count-1 on {@code clients} threads; returns when all are done. */
    static Duration run(int clients, int count, IntConsumer work) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int item = next.getAndIncrement(); item < count; item = next.getAndIncrement()) {
                        work.accept(item);
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get(1, TimeUnit.HOURS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            // a broken client breaks the measurement: the others are stopped and the cause is reported
            throw new IllegalStateException("A benchmark client failed", e.getCause() != null ? e.getCause() : e);
        } finally {
            pool.shutdownNow();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

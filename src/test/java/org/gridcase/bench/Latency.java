package org.gridcase.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The p50 and p95 of one query, repeated. The first two calls are left out: they load classes and plans that a
 * running node has long had. p95 is the nearest rank, so with 20 repeats it is the 19th fastest call. A query
 * that has taken a minute in all stops repeating after three calls (and one warm-up call if that took a second),
 * so that a stop at a large size ends; the line says how many calls the figures rest on.
 */
record Latency(String query, double p50Millis, double p95Millis, long result, int repeats) {

    private static final int WARM_UP = 2;
    private static final long BUDGET_NANOS = 60_000_000_000L;
    private static final int FEWEST_CALLS = 3;

    /** Runs the query {@code repeats} times; it answers with a number to print (a count, a list's size). */
    static Latency measure(String query, int repeats, LongSupplier call) {
        long begin = System.nanoTime();
        for (int i = 0; i < WARM_UP && System.nanoTime() - begin < 1_000_000_000L; i++) {
            call.getAsLong();
        }
        List<Long> nanos = new ArrayList<>();
        long result = 0;
        while (nanos.size() < repeats
                && (nanos.size() < FEWEST_CALLS || System.nanoTime() - begin < BUDGET_NANOS)) {
            long start = System.nanoTime();
            result = call.getAsLong();
            nanos.add(System.nanoTime() - start);
        }
        nanos.sort(null);
        int calls = nanos.size();
        return new Latency(query, millis(nanos.get(rank(calls, 0.50))), millis(nanos.get(rank(calls, 0.95))),
                result, calls);
    }

    /** A query not timed at this size: it took too long at a smaller one. */
    static Latency skipped(String query) {
        return new Latency(query, Double.NaN, Double.NaN, -1, 0);
    }

    boolean wasSkipped() {
        return repeats == 0;
    }

    private static int rank(int samples, double percentile) {
        return Math.max(0, (int) Math.ceil(samples * percentile) - 1);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    String line() {
        if (wasSkipped()) {
            return "%-52s skipped: it took over %d s a call at a smaller size".formatted(query,
                    StreetQueries.ABANDON_SECONDS);
        }
        return "%-52s p50 %8.1f ms   p95 %8.1f ms   (result %d, %d calls)".formatted(query, p50Millis, p95Millis,
                result, repeats);
    }
}

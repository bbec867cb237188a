package org.gridcase.identity;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs a piece of start-up work twice at the same moment, as two nodes started together would. */
final class Concurrently {

    private Concurrently() {
    }

    /** Returns when both runs are done; throws what either threw. */
    static void twice(Runnable work) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = nodes.submit(() -> awaitThen(together, work));
            Future<?> second = nodes.submit(() -> awaitThen(together, work));
            first.get(2, TimeUnit.MINUTES);
            second.get(2, TimeUnit.MINUTES);
        } finally {
            nodes.shutdownNow();
        }
    }

    private static Void awaitThen(CyclicBarrier together, Runnable work) throws Exception {
        together.await(1, TimeUnit.MINUTES);
        work.run();
        return null;
    }
}

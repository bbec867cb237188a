package org.gridcase.bench;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.gridcase.registry.TestDistrict;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes open cases the real way, through gridcase's own registration rather than HTTP (the load mode's real
 * path, and the templates of its copies): reports are opened in batches, one transaction each, on several
 * threads, and the job executor places and triages them as it does every report, so each case has the rows a
 * real one has (record, process instance, variables, history, the street's whistle task with its identity link
 * and authorization). A stop's size counts the cases waiting at a
 * street's whistle; for each of them bench.whistled more are made and whistled, and wait at three departments'
 * check-ins (with their timers), as a street's older cases do.
 *
 * <p>The registration holds its street's case-number row until it commits, so the threads of one street take
 * turns; the job executor works meanwhile. Opening pauses while more than {@link #MAX_BACKLOG} cases wait for
 * their start job, so that a slow job executor shows as a slow generator rather than a growing queue.
 */
final class CaseGenerator implements CaseSupply {

    private static final int BATCH = 25;
    private static final int MAX_BACKLOG = 1_000;
    private static final String START_EVENT = "StartEvent_ReportReceived";

    private final TransactionTemplate transactions;
    private final GridcaseCases gridcase;
    private final ManagementService management;
    private final BenchDistrict district;
    private final BenchSettings settings;
    private final BenchOutput out;

    private final AtomicInteger made = new AtomicInteger();
    private int atWhistle;
    private int whistled;
    private int printedPercent;
    /** Time spent making cases, measuring in between left out. */
    private long busyNanos;
    private long growingSince;

    CaseGenerator(TransactionTemplate transactions, GridcaseCases gridcase, ManagementService management,
            BenchDistrict district, BenchSettings settings, BenchOutput out) {
        this.transactions = transactions;
        this.gridcase = gridcase;
        this.management = management;
        this.district = district;
        this.settings = settings;
        this.out = out;
    }

    @Override
    public int whistled() {
        return whistled;
    }

    @Override
    public int made() {
        return made.get();
    }

    @Override
    public int total() {
        return settings.target() + whistledAt(settings.target());
    }

    private int whistledAt(int size) {
        return (int) Math.round(size * settings.whistled());
    }

    @Override
    public double seconds() {
        return (busyNanos + (growingSince == 0 ? 0 : System.nanoTime() - growingSince)) / 1e9;
    }

    /**
     * Opens cases until {@code size} wait at a street's whistle (and their share of whistled ones at check-ins), and
     * returns when every one waits at its task.
     */
    @Override
    public void growTo(int size) {
        growingSince = System.nanoTime();
        try {
            open(size);
        } finally {
            busyNanos += System.nanoTime() - growingSince;
            growingSince = 0;
        }
    }

    private void open(int size) {
        int from = made.get();
        int count = size - atWhistle + whistledAt(size) - whistled;
        int toWhistleCount = whistledAt(size) - whistled;
        int batches = (count + BATCH - 1) / BATCH;
        Queue<Map.Entry<TestDistrict, String>> toWhistle = new ConcurrentLinkedQueue<>();
        Clients.run(settings.clients(), batches, batch -> {
            awaitBacklogBelow(MAX_BACKLOG);
            int first = batch * BATCH;
            int last = Math.min(count, first + BATCH);
            transactions.executeWithoutResult(status -> {
                for (int i = first; i < last; i++) {
                    TestDistrict d = district.streetOf(from + i);
                    String caseNumber = gridcase.register(GridcaseCases.newCase(d, from + i));
                    if (spreadEvenly(i, toWhistleCount, count)) {
                        toWhistle.add(Map.entry(d, caseNumber));
                    }
                }
            });
            progress(made.addAndGet(last - first));
        });
        awaitBacklogBelow(1);
        List<Map.Entry<TestDistrict, String>> whistles = List.copyOf(toWhistle);
        Clients.run(settings.clients(), whistles.size(),
                i -> gridcase.whistle(whistles.get(i).getKey(), whistles.get(i).getValue()));
        whistled += whistles.size();
        atWhistle += count - whistles.size();
    }

    /** Whether the i-th of {@code count} is one of {@code chosen} spread evenly over them. */
    private static boolean spreadEvenly(int i, int chosen, int count) {
        return (long) (i + 1) * chosen / count > (long) i * chosen / count;
    }

    private void awaitBacklogBelow(int most) {
        Waits.untilNoneLeft("the start jobs' backlog to fall below " + most, () -> backlog() - (most - 1));
    }

    /** Cases opened whose start job (asynchronous after the start event) has not run yet. */
    private long backlog() {
        return management.createJobQuery().activityId(START_EVENT).count();
    }

    private synchronized void progress(int done) {
        int percent = (int) (100L * done / total());
        if (percent / 5 > printedPercent / 5) {
            printedPercent = percent;
            double seconds = seconds();
            out.line("  generated %7d of %d cases (%3d%%) in %6.0f s, %5.1f cases/s, %d waiting for their start job",
                    done, total(), percent, seconds, done / seconds, backlog());
        }
    }
}

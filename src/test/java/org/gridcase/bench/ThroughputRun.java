package org.gridcase.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;

import org.gridcase.registry.TestDistrict;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * gridcase against the bare anchors, in rounds: intake, then whole lifecycles, each measured for gridcase and
 * for the anchor one after the other (the order swaps every round, so that neither always meets a warmer or a
 * fuller database), then the street's queries at the size reached. A warm-up of each kind comes first and is not
 * counted: a node that has run for a while has its classes loaded and its code compiled.
 */
final class ThroughputRun {

    private final BenchSettings settings;
    private final BenchOutput out;
    private final BenchDistrict district;
    private final GridcaseCases gridcase;
    private final AnchorCases anchors;
    private final BenchHttp http;
    private final JdbcTemplate jdbc;
    private final StreetQueries queries;
    private final IntSupplier compaction;
    private Footprint.Growth archived;

    /** Every report gets a number of its own: its phone and its client address follow from it. */
    private final AtomicInteger reports = new AtomicInteger();

    private final Results gridcaseResults = new Results();
    private final Results anchorResults = new Results();

    ThroughputRun(BenchSettings settings, BenchOutput out, BenchDistrict district, GridcaseCases gridcase,
            AnchorCases anchors, BenchHttp http, JdbcTemplate jdbc, StreetQueries queries, IntSupplier compaction) {
        this.settings = settings;
        this.out = out;
        this.district = district;
        this.gridcase = gridcase;
        this.anchors = anchors;
        this.http = http;
        this.jdbc = jdbc;
        this.queries = queries;
        this.compaction = compaction;
    }

    /** What one side measured, round by round. */
    private static final class Results {
        final List<Double> intake = new ArrayList<>();
        final List<Double> lifecycle = new ArrayList<>();
        final List<Footprint.Growth> growth = new ArrayList<>();
    }

    void run() {
        int warmUp = settings.warmUp();
        out.heading("warm-up (%d cases of each kind, not counted)".formatted(warmUp));
        gridcaseIntake(warmUp);
        anchorIntake(warmUp);
        gridcaseLifecycles(warmUp);
        anchorLifecycles(warmUp);
        for (int round = 1; round <= settings.rounds(); round++) {
            boolean gridcaseFirst = round % 2 == 1;
            out.heading("round %d of %d (%s first)".formatted(round, settings.rounds(),
                    gridcaseFirst ? "gridcase" : "anchor"));
            both(gridcaseFirst, () -> gridcaseResults.intake.add(gridcaseIntake(settings.cases())),
                    () -> anchorResults.intake.add(anchorIntake(settings.cases())));
            both(gridcaseFirst, () -> measureLifecycles("gridcase", gridcaseResults, this::gridcaseLifecycles),
                    () -> measureLifecycles("anchor", anchorResults, this::anchorLifecycles));
        }
        archivedRound();
        out.heading("street queries at %d open tasks of the street".formatted(queries.streetTasks()));
        List<Latency> latencies = queries.forThroughput();
        latencies.forEach(latency -> out.line("  " + latency.line()));
        summary(latencies);
    }

    private static void both(boolean gridcaseFirst, Runnable gridcaseSide, Runnable anchorSide) {
        (gridcaseFirst ? gridcaseSide : anchorSide).run();
        (gridcaseFirst ? anchorSide : gridcaseSide).run();
    }

    /**
     * Reports through POST /api/cases, each from its own client address, until every case waits at its first
     * user task: the start event is asynchronous, so the answer comes before the case is placed and triaged.
     */
    private double gridcaseIntake(int cases) {
        long before = gridcase.waitingAt(GridcaseCases.WHISTLE);
        CpuTime cpu = CpuTime.take(jdbc);
        long start = System.nanoTime();
        Duration answered = Clients.run(settings.clients(), cases, i -> {
            int report = reports.getAndIncrement();
            http.postAnonymously("/api/cases", GridcaseCases.reportBody(district.streetOf(report), report),
                    clientAddress(report));
        });
        Waits.untilCount("gridcase cases at their first task", before + cases,
                () -> gridcase.waitingAt(GridcaseCases.WHISTLE));
        double seconds = secondsSince(start);
        out.line("  intake     gridcase  %5d cases  %7.2f s  %7.1f cases/s   (all answered after %.2f s)", cases,
                seconds, cases / seconds, answered.toMillis() / 1000.0);
        out.line("             gridcase  %s", CpuTime.take(jdbc).since(cpu));
        return cases / seconds;
    }

    /** BareOneTask started through the engine REST API; its task exists when the answer comes. */
    private double anchorIntake(int cases) {
        long before = anchors.waitingAt(AnchorCases.ONE_TASK);
        CpuTime cpu = CpuTime.take(jdbc);
        long start = System.nanoTime();
        Clients.run(settings.clients(), cases, i -> {
            int report = reports.getAndIncrement();
            AnchorCases.startOverRest(http, GridcaseCases.reportBody(district.streetOf(report), report));
        });
        Waits.untilCount("anchor instances at their task", before + cases,
                () -> anchors.waitingAt(AnchorCases.ONE_TASK));
        double seconds = secondsSince(start);
        out.line("  intake     anchor    %5d cases  %7.2f s  %7.1f cases/s", cases, seconds, cases / seconds);
        out.line("             anchor    %s", CpuTime.take(jdbc).since(cpu));
        return cases / seconds;
    }

    private double gridcaseLifecycles(int cases) {
        Map<String, Long> waitedBefore = waited();
        Map<String, Long> probesBefore = probed();
        long unsignalledBefore = gridcase.foundWithoutSignal();
        long retriesBefore = gridcase.retries.sum();
        LongAdder caseNanos = new LongAdder();
        double perSecond = lifecycles("gridcase", cases, caseNanos, i -> {
            int report = reports.getAndIncrement();
            TestDistrict d = district.streetOf(report);
            gridcase.close(d, gridcase.open(GridcaseCases.newCase(d, report)));
        });
        Map<String, Long> waitedNow = waited();
        long waitedNanos = waitedNow.entrySet().stream()
                .mapToLong(step -> step.getValue() - waitedBefore.getOrDefault(step.getKey(), 0L)).sum();
        // three of the six tasks appear only after a job (start, last check-in, feedback); the others at once
        out.line("             gridcase  clients spent %.0f%% of their time finding or awaiting their next task;"
                + " %d completions retried after a lost race", 100 * waitedNanos / (double) caseNanos.sum(),
                gridcase.retries.sum() - retriesBefore);
        out.line("             gridcase  ms a case spent awaiting: %s", waitedNow.entrySet().stream()
                .map(step -> "%s %.1f".formatted(step.getKey(),
                        (step.getValue() - waitedBefore.getOrDefault(step.getKey(), 0L)) / 1e6 / cases))
                .collect(Collectors.joining(", ")));
        Map<String, Long> probesNow = probed();
        out.line("             gridcase  queries a case ran to find or await its steps: %.1f (%s); %d steps of all"
                + " found only after a %d ms pause without a signal",
                probesNow.entrySet().stream().mapToLong(step -> step.getValue()
                        - probesBefore.getOrDefault(step.getKey(), 0L)).sum() / (double) cases,
                probesNow.entrySet().stream().map(step -> "%s %.1f".formatted(step.getKey(),
                        (step.getValue() - probesBefore.getOrDefault(step.getKey(), 0L)) / (double) cases))
                        .collect(Collectors.joining(", ")),
                gridcase.foundWithoutSignal() - unsignalledBefore, NextStepSignals.FALLBACK.toMillis());
        return perSecond;
    }

    /** Each step's queries run so far to find or await it. */
    private Map<String, Long> probed() {
        Map<String, Long> probed = new TreeMap<>();
        gridcase.probes.forEach((step, looks) -> probed.put(step, looks.sum()));
        return probed;
    }

    /** Each step's time awaited so far, by the step's task (or timer) and group. */
    private Map<String, Long> waited() {
        Map<String, Long> waited = new TreeMap<>();
        gridcase.waitedNanos.forEach((step, nanos) -> waited.put(step, nanos.sum()));
        return waited;
    }

    private double anchorLifecycles(int cases) {
        return lifecycles("anchor", cases, new LongAdder(), i -> {
            int report = reports.getAndIncrement();
            anchors.runSixTasks(GridcaseCases.reportBody(district.streetOf(report), report));
        });
    }

    private double lifecycles(String side, int cases, LongAdder caseNanos, IntConsumer oneCase) {
        CpuTime cpu = CpuTime.take(jdbc);
        Duration took = Clients.run(settings.clients(), cases, i -> {
            long start = System.nanoTime();
            oneCase.accept(i);
            caseNanos.add(System.nanoTime() - start);
        });
        double seconds = took.toNanos() / 1e9;
        out.line("  lifecycle  %-8s  %5d cases  %7.2f s  %7.1f cases/s   (one case %.0f ms on average)", side,
                cases, seconds, cases / seconds, caseNanos.sum() / 1e6 / cases);
        out.line("             %-8s  %s", side, CpuTime.take(jdbc).since(cpu));
        return cases / seconds;
    }

    /** Lifecycles between two VACUUMs, so that the database's growth can be put down to the cases closed. */
    private void measureLifecycles(String side, Results results, IntToDoubleFunction lifecycles) {
        Footprint.vacuum(jdbc);
        Footprint before = Footprint.take(jdbc);
        results.lifecycle.add(lifecycles.applyAsDouble(settings.cases()));
        Footprint.vacuum(jdbc);
        Footprint.Growth growth = Footprint.take(jdbc).since(before, settings.cases());
        results.growth.add(growth);
        out.line("  database   %-8s  %s per closed case (outside act_ru_*: %s)", side,
                Footprint.kilobytes(growth.bytesPerCase()), Footprint.kilobytes(growth.keptBytesPerCase()));
        out.line("             %-8s  most grown: %s", side, String.join(", ", growth.topTables(8)));
        out.line("             %-8s  rows per case: %s", side, String.join(", ", growth.rowsPerCase()));
    }

    /**
     * What a closed case keeps once the nightly compaction has replaced its engine history by its archive: every
     * case closed so far is compacted (its history's space becomes reusable after VACUUM), then one more round of
     * lifecycles is run and compacted, and the database's growth over it is what those cases keep. The rounds'
     * history stays in the tables' files as free space, which the new round's history fills before the files grow,
     * as on a server whose compaction runs every night.
     */
    private void archivedRound() {
        out.heading("closed cases archived (audit/CaseCompaction), one more round of %d lifecycles"
                .formatted(settings.cases()));
        long start = System.nanoTime();
        int earlier = compaction.getAsInt();
        out.line("  compacted  gridcase  %5d cases closed in the rounds before, %.0f ms a case", earlier,
                (System.nanoTime() - start) / 1e6 / Math.max(1, earlier));
        // twice: a B-tree page emptied by the compaction is recycled only by the VACUUM after the one that deleted it
        Footprint.vacuum(jdbc);
        Footprint.vacuum(jdbc);
        Footprint before = Footprint.take(jdbc);
        gridcaseLifecycles(settings.cases());
        int compacted = compaction.getAsInt();
        Footprint.vacuum(jdbc);
        Footprint.vacuum(jdbc);
        archived = Footprint.take(jdbc).since(before, settings.cases());
        out.line("  database   gridcase  %s per closed case, archived (%d compacted; outside act_ru_*: %s)",
                Footprint.kilobytes(archived.bytesPerCase()), compacted,
                Footprint.kilobytes(archived.keptBytesPerCase()));
        out.line("             gridcase  most grown: %s", String.join(", ", archived.topTables(8)));
        // rows an archived case leaves in the engine's tables (0 when what grew is space not yet reused)
        out.line("             gridcase  rows per case left: %s", String.join(", ", archived.rowsPerCase()));
        out.line("             gridcase  of it in the engine's tables (act_*): %s, in gridcase's: %s",
                Footprint.kilobytes(archived.bytesPerCase(true)), Footprint.kilobytes(archived.bytesPerCase(false)));
        out.line("             gridcase  archive row: %s of gzip'd JSON on average, %s at most",
                Footprint.kilobytes(jdbc.queryForObject("SELECT avg(bytes) FROM case_archive", Double.class)),
                Footprint.kilobytes(jdbc.queryForObject("SELECT max(bytes) FROM case_archive", Double.class)));
    }

    private void summary(List<Latency> latencies) {
        out.heading("summary (median of %d rounds; database growth of the last round)".formatted(settings.rounds()));
        ResultTable table = new ResultTable();
        table.ratio("intake (to first task), 1 task anchor", median(gridcaseResults.intake),
                median(anchorResults.intake), "cases/s", 0.6);
        table.ratio("lifecycle (report to closed), 6 task anchor", median(gridcaseResults.lifecycle),
                median(anchorResults.lifecycle), "cases/s", 0.8);
        Footprint.Growth gridcaseGrowth = last(gridcaseResults.growth);
        Footprint.Growth anchorGrowth = last(anchorResults.growth);
        table.atMost("database per closed case", gridcaseGrowth.bytesPerCase() / 1024,
                anchorGrowth.bytesPerCase() / 1024, "KB", 20, "≤ 20 KB");
        table.atMost("  of it outside act_ru_* (kept)", gridcaseGrowth.keptBytesPerCase() / 1024,
                anchorGrowth.keptBytesPerCase() / 1024, "KB", 20, "≤ 20 KB");
        table.atMost("database per closed case, archived", archived.bytesPerCase() / 1024,
                anchorGrowth.bytesPerCase() / 1024, "KB", 20, "≤ 20 KB");
        // the first is the Tasklist's own call, the one the target is about
        long streetTasks = queries.streetTasks();
        table.tasklistTarget(latencies.get(0), streetTasks);
        latencies.stream().skip(1).forEach(table::latency);
        table.print(out);
        out.line("");
        out.line("The street queries ran at %d open tasks of the street; their target is judged at 50,000 (load mode).",
                streetTasks);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static <T> T last(List<T> values) {
        return values.get(values.size() - 1);
    }

    private static String clientAddress(int report) {
        return "10.%d.%d.%d".formatted((report >> 16) & 255, (report >> 8) & 255, report & 255);
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

package org.gridcase.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What compacting a closed case costs (audit/CaseCompaction: read the engine's history, replay it, write the
 * archive, read it back, replay that, compare, delete), in ms a case, and where a replay's time goes. Each round
 * closes {@code -Dbench.cases} cases (20; whistled, reopened once, as CaseArchiveTests' case) and compacts them in
 * one batch; {@code -Dbench.rounds} rounds (3) after one not counted. Printed with the load average and the
 * compacting thread's CPU time (the machine is shared), never asserted. {@code -Dbench.jfr=path} records each
 * counted round's compaction with JFR's profiling settings (path.1, ...). Run with
 * {@code mvn test -Pbench -Dtest=CaseCompactionBenchmark}.
 */
class CaseCompactionBenchmark extends ProcessTestSupport {

    @Autowired
    CaseCompaction compaction;

    @Autowired
    EngineHistory engineHistory;

    @Autowired
    CaseReplay replay;

    @Autowired
    CaseTimeline timeline;

    @Autowired
    TimelineCsv csv;

    @Autowired
    HistoryIntegrity integrity;

    @Autowired
    CaseQueries cases;

    @Autowired
    ObjectMapper json;

    /** The replay's parts, summed over the round's cases, in nanoseconds. */
    private final Map<String, Long> parts = new LinkedHashMap<>();

    CaseCompactionBenchmark() {
        super("997401", 74.0, 144.0, THURSDAY_TEN); // a square of the globe no other test district uses
    }

    @Test
    void measuresCompactionPerCase() throws Exception {
        actAs("test.staff");
        int perRound = Integer.getInteger("bench.cases", 20);
        int rounds = Integer.getInteger("bench.rounds", 3);
        String jfr = System.getProperty("bench.jfr");
        List<Double> msPerCase = new ArrayList<>();
        List<Double> cpuPerCase = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            List<ProcessInstance> closed = new ArrayList<>();
            for (int i = 0; i < perRound; i++) {
                closed.add(whistledReopenedAndClosed());
            }
            parts.clear();
            closed.forEach(instance -> replayInParts(instance.getBusinessKey(), instance.getId()));
            Recording recording = round > 0 && jfr != null ? profiling(Path.of(jfr + "." + round)) : null;
            Set<String> ids = closed.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            int compacted = compaction.compactEndedBefore(FAR_FUTURE, FAR_FUTURE, ids);
            double ms = (System.nanoTime() - start) / 1e6 / perRound;
            double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6 / perRound;
            if (recording != null) {
                recording.stop();
                recording.close();
            }
            assertThat(compacted).as("the harness: every case compacted").isEqualTo(perRound);
            String label = round == 0 ? "warm-up " : "round " + round;
            System.out.printf("compaction %s: %d cases, %.1f ms a case, its thread's CPU %.1f ms (load %s)%n", label,
                    compacted, ms, cpuMs, load());
            System.out.printf("  one replay from the engine's history, ms a case: %s%n", parts.entrySet().stream()
                    .map(e -> "%s %.1f".formatted(e.getKey(), e.getValue() / 1e6 / perRound))
                    .collect(Collectors.joining(", ")));
            if (round > 0) {
                msPerCase.add(ms);
                cpuPerCase.add(cpuMs);
            }
        }
        msPerCase.sort(Double::compareTo);
        cpuPerCase.sort(Double::compareTo);
        System.out.printf("compaction: median %.1f ms a case, its thread's CPU %.1f ms, over %d rounds of %d cases "
                + "(load now %s)%n", msPerCase.get(msPerCase.size() / 2), cpuPerCase.get(cpuPerCase.size() / 2), rounds,
                perRound, load());
    }

    /** JFR's profiling settings (for deep stacks: -XX:FlightRecorderOptions=stackdepth=512), the compaction only. */
    private static Recording profiling(Path file) throws Exception {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setDestination(file);
        recording.start();
        return recording;
    }

    // the compaction's own thread: its CPU time, unlike its wall time, hardly depends on what else the cores run
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final java.time.Instant FAR_FUTURE = java.time.Instant.parse("2100-01-01T00:00:00Z");

    /** What the compaction does for one side of its comparison, timed part by part (as the archiver does). */
    private void replayInParts(String caseNumber, String processInstanceId) {
        asAuditor(() -> {
            CaseRecords recorded = timed("read", () -> engineHistory.read(processInstanceId));
            CaseDetails c = timed("case", () -> cases.find(caseNumber).orElseThrow());
            CaseHistory h = timed("load", () -> replay.load(c, recorded));
            List<TimelineEvent> steps = timed("timeline", () -> timeline.of(h));
            Replay replayed = timed("replay", () -> replay.of(h, steps));
            List<ReplayState> states = timed("everyStep", () -> replay.everyStep(h, steps));
            IntegrityReport verdict = timed("integrity", () -> integrity.check(caseNumber, h.main()));
            timed("json", () -> unchecked(() -> json.writeValueAsString(List.of(replayed, states, verdict))));
            return timed("csv", () -> csv.write(steps));
        });
    }

    private <T> T timed(String part, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            parts.merge(part, System.nanoTime() - start, Long::sum);
        }
    }

    private interface Failing<T> {
        T get() throws Exception;
    }

    private static <T> T unchecked(Failing<T> work) {
        try {
            return work.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException unavailable) {
            return "?";
        }
    }
}

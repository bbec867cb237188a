package org.gridcase.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time used by this JVM and by the PostgreSQL server's processes (when the server runs on this machine, as the
 * embedded one does), so that a round can say how much of the machine's cores it kept busy: with a few clients and
 * asynchronous steps, throughput can be bound by waiting (job acquisition, polling) rather than by the CPU.
 */
record CpuTime(long wallNanos, long jvmNanos, long databaseNanos) {

    static CpuTime take(JdbcTemplate jdbc) {
        return new CpuTime(System.nanoTime(), cpuOf(Stream.of(ProcessHandle.current())),
                postmaster(jdbc).map(p -> cpuOf(Stream.concat(Stream.of(p), p.descendants()))).orElse(-1L));
    }

    /** What was used since {@code before}, as a line: seconds of each and the share of the machine's cores. */
    String since(CpuTime before) {
        double wall = (wallNanos - before.wallNanos) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        double jvm = (jvmNanos - before.jvmNanos) / 1e9;
        if (databaseNanos < 0 || before.databaseNanos < 0) {
            return "CPU: JVM %.1f s in %.1f s (%.0f%% of %d cores), PostgreSQL not on this machine".formatted(jvm,
                    wall, 100 * jvm / wall / cores, cores);
        }
        double database = (databaseNanos - before.databaseNanos) / 1e9;
        return "CPU: JVM %.1f s + PostgreSQL %.1f s in %.1f s: %.0f%% of %d cores busy with the run".formatted(jvm,
                database, wall, 100 * (jvm + database) / wall / cores, cores);
    }

    private static long cpuOf(Stream<ProcessHandle> processes) {
        return processes.mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    /** The server's parent process, through the pid of this connection's backend, if it is on this machine. */
    private static Optional<ProcessHandle> postmaster(JdbcTemplate jdbc) {
        Integer backend = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
        return Optional.ofNullable(backend).flatMap(ProcessHandle::of).flatMap(ProcessHandle::parent)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    }
}

package org.gridcase.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many open cases: the generator grows the database stop by stop (bench.sizes), and at each stop the street's
 * queries are timed and the database's size per open case is taken. Before measuring, VACUUM ANALYZE, as
 * autovacuum would have done on a database that grew over months rather than minutes: the plans then rest on
 * statistics of the data as it is.
 */
final class LoadRun {

    private final BenchSettings settings;
    private final BenchOutput out;
    private final CaseSupply generator;
    private final StreetQueries queries;
    private final JdbcTemplate jdbc;

    /** One stop's figures, for the closing table. */
    private record Stop(int cases, long streetTasks, List<Latency> latencies, double bytesPerCase, String load) {
    }

    LoadRun(BenchSettings settings, BenchOutput out, CaseSupply generator, StreetQueries queries,
            JdbcTemplate jdbc) {
        this.settings = settings;
        this.out = out;
        this.generator = generator;
        this.queries = queries;
        this.jdbc = jdbc;
    }

    void run() {
        Footprint.vacuum(jdbc);
        Footprint empty = Footprint.take(jdbc);
        List<Stop> stops = new ArrayList<>();
        out.heading("generating %d cases: %d at a street's whistle, %d whistled to departments".formatted(
                generator.total(), settings.target(), generator.total() - settings.target()));
        for (int size : settings.sizes()) {
            generator.growTo(size);
            long vacuumMillis = Footprint.vacuum(jdbc);
            Footprint.Growth growth = Footprint.take(jdbc).since(empty, generator.made());
            long streetTasks = queries.streetTasks();
            out.heading("at %d cases at the whistle (+%d whistled): %d tasks in the measured street's filter"
                    .formatted(size, generator.whistled(), streetTasks));
            out.line("  made in %.0f s so far; VACUUM ANALYZE took %d ms", generator.seconds(), vacuumMillis);
            out.line("  database: %s per open case (outside act_ru_*: %s)", Footprint.kilobytes(growth.bytesPerCase()),
                    Footprint.kilobytes(growth.keptBytesPerCase()));
            out.line("  most grown: %s", String.join(", ", growth.topTables(8)));
            out.line("  rows per case: %s", String.join(", ", growth.rowsPerCase()));
            String loadBefore = loadAverage();
            List<Latency> latencies = queries.forLoad();
            latencies.forEach(latency -> out.line("  " + latency.line()));
            String load = loadAverage();
            out.line("  load average (1/5/15 min) before measuring %s, after %s", loadBefore, load);
            stops.add(new Stop(size, streetTasks, latencies, growth.bytesPerCase(), load.split(" ")[0]));
        }
        summary(stops);
    }

    /**
     * The machine's load average: the figures are wall-clock times, and on a machine shared with builds they say
     * as much about the others' work as about the query.
     */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return String.join(" ", fields[0], fields[1], fields[2]);
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private void summary(List<Stop> stops) {
        out.heading("summary: p95 in ms at each stop (target: Tasklist 本街道 list+count < 300 ms at 50,000 tasks)");
        List<String> names = stops.get(0).latencies().stream().map(Latency::query).toList();
        StringBuilder header = new StringBuilder("%-52s".formatted("query \\ cases at the whistle"));
        StringBuilder tasksLine = new StringBuilder("%-52s".formatted("open tasks of the measured street"));
        StringBuilder bytesLine = new StringBuilder("%-52s".formatted("database per open case (KB)"));
        for (Stop stop : stops) {
            header.append("%10d".formatted(stop.cases()));
            tasksLine.append("%10d".formatted(stop.streetTasks()));
            bytesLine.append("%10.1f".formatted(stop.bytesPerCase() / 1024));
        }
        out.line(header.toString());
        out.line(tasksLine.toString());
        for (int q = 0; q < names.size(); q++) {
            StringBuilder line = new StringBuilder("%-52s".formatted(names.get(q)));
            for (Stop stop : stops) {
                Latency latency = stop.latencies().get(q);
                line.append(latency.wasSkipped() ? "%10s".formatted("skipped")
                        : "%10.1f".formatted(latency.p95Millis()));
            }
            out.line(line.toString());
        }
        out.line(bytesLine.toString());
        StringBuilder loadLine = new StringBuilder("%-52s".formatted("load average (1 min) after measuring"));
        stops.forEach(stop -> loadLine.append("%10s".formatted(stop.load())));
        out.line(loadLine.toString());
        Stop last = stops.get(stops.size() - 1);
        Latency tasklist = last.latencies().get(0);
        out.line("");
        out.line(last.streetTasks() >= 50_000
                ? "Target at %d street tasks: p95 %s, %s".formatted(last.streetTasks(), tasklist.wasSkipped()
                        ? "over " + StreetQueries.ABANDON_SECONDS + " s" : "%.1f ms".formatted(tasklist.p95Millis()),
                        !tasklist.wasSkipped() && tasklist.p95Millis() < 300 ? "met" : "NOT met")
                : "Target not judged: the measured street has %d open tasks, fewer than 50,000 (raise bench.cases)."
                        .formatted(last.streetTasks()));
    }
}

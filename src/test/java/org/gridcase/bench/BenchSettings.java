package org.gridcase.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What a benchmark run does, from {@code -Dbench.*} system properties, so that one command line says it all:
 * {@code mode} throughput (gridcase against the bare anchor processes, after {@code warmUp} cases of each kind that
 * are not counted) or load (many open cases, queries at sizes
 * along the way). In load mode {@code cases} and {@code sizes} count the cases waiting at a street's whistle;
 * {@code whistled} more per case (0.2: one in six of all) are whistled and wait at departments' check-ins. The copy
 * generator spreads its copies' cases over the {@code spreadDays} before their templates (30), as arrivals.
 */
record BenchSettings(Mode mode, int rounds, int cases, int warmUp, int clients, int streets, List<Integer> sizes,
        double whistled, int repeats, Generator generator, int templates, Duration spread) {

    enum Mode { THROUGHPUT, LOAD }

    /** How the load mode makes its cases: copies of a few real ones, or each one through the real path. */
    enum Generator { CLONE, REAL }

    /** Where the load mode stops to measure, unless -Dbench.sizes says otherwise. */
    private static final int[] LOAD_SIZES = {1_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000,
            1_000_000};

    static BenchSettings fromSystemProperties() {
        Mode mode = Mode.valueOf(System.getProperty("bench.mode", "throughput").toUpperCase());
        String sizes = System.getProperty("bench.sizes");
        int[] stops = sizes == null ? LOAD_SIZES : Stream.of(sizes.split(",")).map(String::trim)
                .mapToInt(Integer::parseInt).sorted().distinct().toArray();
        // the load mode's last stop is its size: -Dbench.sizes=1000,2000 alone makes 2,000 cases
        int cases = Integer.getInteger("bench.cases", mode == Mode.THROUGHPUT ? 300
                : sizes == null ? 50_000 : stops[stops.length - 1]);
        return new BenchSettings(mode,
                Integer.getInteger("bench.rounds", 3),
                cases,
                // a round's worth: 20 left gridcase's first round compiling its code (JVM CPU a case 182 ms in
                // round 1, 125 in round 2, 102 in round 3; the anchor's 37, 36, 22)
                Integer.getInteger("bench.warmUp", mode == Mode.THROUGHPUT ? cases : 0),
                Integer.getInteger("bench.clients", 4),
                Integer.getInteger("bench.streets", 1),
                stopsUpTo(stops, cases),
                Double.parseDouble(System.getProperty("bench.whistled", "0.2")),
                Integer.getInteger("bench.repeats", 20),
                Generator.valueOf(System.getProperty("bench.generator", "clone").toUpperCase()),
                Integer.getInteger("bench.templates", 100),
                Duration.ofDays(Integer.getInteger("bench.spreadDays", 30)));
    }

    private static List<Integer> stopsUpTo(int[] stops, int cases) {
        return IntStream.concat(Arrays.stream(stops).filter(size -> size < cases), IntStream.of(cases))
                .boxed().toList();
    }

    /** The last size is the number of cases the load mode makes. */
    int target() {
        return sizes.get(sizes.size() - 1);
    }

    @Override
    public String toString() {
        return mode == Mode.THROUGHPUT
                ? "mode=throughput rounds=%d cases=%d warmUp=%d clients=%d streets=%d repeats=%d".formatted(rounds,
                        cases, warmUp, clients, streets, repeats)
                : "mode=load sizes=%s clients=%d streets=%d whistled=%.2f repeats=%d generator=%s%s".formatted(
                        sizes, clients, streets, whistled, repeats, generator.name().toLowerCase(),
                        generator == Generator.CLONE ? " templates=%d spreadDays=%d".formatted(templates,
                                spread.toDays()) : "");
    }
}

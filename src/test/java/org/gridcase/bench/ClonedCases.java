package org.gridcase.bench;

import java.util.List;
import java.util.Map;

import org.gridcase.registry.TestDistrict;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The load mode's fast path: a few real cases as templates ({@code bench.templates} at the whistle, plus their
 * share of whistled ones, made by the {@link CaseGenerator}), then copies of them ({@link CaseCloner}) in
 * transactions of some 2,000 cases, until each stop's size is reached.
 */
final class ClonedCases implements CaseSupply {

    private static final int CASES_PER_TRANSACTION = 2_000;

    private final CaseGenerator generator;
    private final CaseCloner cloner;
    private final JdbcTemplate jdbc;
    private final BenchDistrict district;
    private final BenchSettings settings;
    private final BenchOutput out;
    /** Time spent making cases, measuring in between left out. */
    private long busyNanos;
    private long growingSince;

    /** The templates in order: whether each was whistled. */
    private List<Boolean> templates;
    private int atWhistle;
    private int whistled;
    private int nextCopy = 1;
    private int printedPercent;

    ClonedCases(CaseGenerator generator, CaseCloner cloner, JdbcTemplate jdbc, BenchDistrict district,
            BenchSettings settings, BenchOutput out) {
        this.generator = generator;
        this.cloner = cloner;
        this.jdbc = jdbc;
        this.district = district;
        this.settings = settings;
        this.out = out;
    }

    @Override
    public void growTo(int size) {
        growingSince = System.nanoTime();
        try {
            copyUpTo(size);
        } finally {
            busyNanos += System.nanoTime() - growingSince;
            growingSince = 0;
        }
    }

    private void copyUpTo(int size) {
        if (templates == null) {
            makeTemplates(Math.min(settings.templates(), size));
        }
        int perCopy = (int) templates.stream().filter(w -> !w).count();
        int perTransaction = Math.max(1, CASES_PER_TRANSACTION / templates.size());
        while (atWhistle < size) {
            int need = size - atWhistle;
            if (need >= perCopy) {
                int copies = Math.min(need / perCopy, perTransaction);
                copy(nextCopy, nextCopy + copies - 1, templates.size());
            } else {
                copy(nextCopy, nextCopy, limitFor(need));
            }
        }
    }

    /** The number of first templates that holds {@code count} cases at the whistle. */
    private int limitFor(int count) {
        int atTheWhistle = 0;
        for (int limit = 0; limit < templates.size(); limit++) {
            if (atTheWhistle == count) {
                return limit;
            }
            atTheWhistle += templates.get(limit) ? 0 : 1;
        }
        return templates.size();
    }

    private void copy(int first, int last, int limit) {
        cloner.copy(first, last, limit);
        List<Boolean> copied = templates.subList(0, limit);
        int copies = last - first + 1;
        atWhistle += copies * (int) copied.stream().filter(w -> !w).count();
        whistled += copies * (int) copied.stream().filter(w -> w).count();
        nextCopy = last + 1;
        progress();
    }

    private void makeTemplates(int count) {
        generator.growTo(count);
        List<String> streets = district.streets().stream().map(TestDistrict::street).toList();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT process_instance_id, status "
                + "FROM case_record WHERE street_code IN (" + String.join(",", streets.stream().map(s -> "?")
                        .toList()) + ") ORDER BY id", streets.toArray());
        templates = rows.stream().map(row -> !"WHISTLED".equals(row.get("status"))).toList();
        cloner.prepare(rows.stream().map(row -> (String) row.get("process_instance_id")).toList());
        atWhistle = generator.made() - generator.whistled();
        whistled = generator.whistled();
        out.line("  %d template cases made through the real path in %.0f s (%d whistled); the rest are copies",
                templates.size(), generator.seconds(), whistled);
    }

    private void progress() {
        int percent = (int) (100L * made() / total());
        if (percent / 5 > printedPercent / 5) {
            printedPercent = percent;
            double seconds = seconds();
            out.line("  made %8d of %d cases (%3d%%) in %6.0f s, %7.1f cases/s", made(), total(), percent, seconds,
                    made() / seconds);
        }
    }

    /**
     * Drives one copy from the whistle to closed through the engine, as staff would: a copy the engine could not
     * work would make the figures worthless, so this is checked once the measuring is done.
     */
    void closeOneCopy(GridcaseCases gridcase) {
        TestDistrict d = district.first();
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM case_record WHERE street_code = ? "
                + "AND status = 'WHISTLED' AND case_number LIKE '%-%-%-%' ORDER BY id DESC LIMIT 1", String.class,
                d.street());
        gridcase.close(d, instance);
        out.line("  a copy (process instance %s) was whistled, checked in, handled and closed like any case",
                instance);
    }

    @Override
    public int made() {
        return atWhistle + whistled;
    }

    @Override
    public int whistled() {
        return whistled;
    }

    @Override
    public int total() {
        return generator.total();
    }

    @Override
    public double seconds() {
        return (busyNanos + (growingSince == 0 ? 0 : System.nanoTime() - growingSince)) / 1e9;
    }
}

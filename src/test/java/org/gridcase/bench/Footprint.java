package org.gridcase.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's size at one moment: every table of the application's schema (the engine's and gridcase's own)
 * with its indexes and TOAST ({@code pg_total_relation_size}), and the row counts of the tables where a case's
 * variables end up.
 *
 * <p>What is counted: the files' size, so space freed by deleted rows (the runtime tables empty as cases close)
 * stays counted until it is reused. {@link #vacuum} marks it reusable; the next cases then fill it instead of
 * growing the files, which is why a later round of the same work shows the steady state better than the first.
 */
record Footprint(long totalBytes, Map<String, Long> tableBytes, Map<String, Long> rows) {

    static final List<String> COUNTED_ROWS = List.of("act_hi_detail", "act_hi_varinst", "act_ru_variable",
            "act_ge_bytearray", "act_hi_actinst", "act_hi_taskinst", "act_hi_op_log", "act_hi_decinst", "act_hi_dec_in",
            "act_hi_dec_out");

    static Footprint take(JdbcTemplate jdbc) {
        Map<String, Long> tables = new LinkedHashMap<>();
        jdbc.query("SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname",
                row -> {
                    tables.put(row.getString(1), row.getLong(2));
                });
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : COUNTED_ROWS) {
            rows.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
        }
        return new Footprint(tables.values().stream().mapToLong(Long::longValue).sum(), tables, rows);
    }

    /**
     * VACUUM (not FULL: that would lock and rewrite tables no running node could spare) and fresh statistics,
     * keeping empty pages at a table's end ({@code TRUNCATE false}). Here the newest rows go first (the rounds' cases
     * close, and are archived, together), so VACUUM would hand a table's emptied tail back and the next cases grow
     * the file again: act_hi_job_log, which only gridcase's cases write, grew 8.6 KB a case in the archived round
     * of one run and nothing in another. A district's tables never empty their tail (its newest cases are open, and
     * only cases ended 90 days ago are archived), so their freed space is reused, as it is here. Autovacuum would
     * still hand an emptied tail back, whenever it came by: in one run of 30 November the archived round measured
     * -120.9 KB a case, the engine's tables having shrunk by more than the round's cases added. So every table keeps
     * its tail from autovacuum too ({@code vacuum_truncate = false}, on the benchmark's database only).
     */
    static long vacuum(JdbcTemplate jdbc) {
        long start = System.nanoTime();
        jdbc.queryForList("SELECT format('%I', c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relkind = 'r'"
                + " AND NOT coalesce(c.reloptions @> '{vacuum_truncate=false}', false)", String.class)
                .forEach(table -> jdbc.execute("ALTER TABLE " + table + " SET (vacuum_truncate = false)"));
        jdbc.execute("VACUUM (ANALYZE, TRUNCATE false)");
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** What grew between {@code before} and this, divided by the cases that made it. */
    Growth since(Footprint before, int cases) {
        Map<String, Long> grown = tableBytes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue() - before.tableBytes.getOrDefault(e.getKey(), 0L), (a, b) -> a,
                LinkedHashMap::new));
        Map<String, Long> rowsGrown = rows.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue() - before.rows.get(e.getKey()), (a, b) -> a, LinkedHashMap::new));
        return new Growth(cases, totalBytes - before.totalBytes, grown, rowsGrown);
    }

    record Growth(int cases, long bytes, Map<String, Long> tableBytes, Map<String, Long> rows) {

        double bytesPerCase() {
            return (double) bytes / cases;
        }

        /** Growth per case in the engine's tables (act_*), or in gridcase's own. */
        double bytesPerCase(boolean engine) {
            return (double) tableBytes.entrySet().stream().filter(e -> e.getKey().startsWith("act_") == engine)
                    .mapToLong(Map.Entry::getValue).sum() / cases;
        }

        /** Growth outside the engine's runtime tables (act_ru_*), whose rows leave when a case closes. */
        double keptBytesPerCase() {
            return (double) tableBytes.entrySet().stream().filter(e -> !e.getKey().startsWith("act_ru_"))
                    .mapToLong(Map.Entry::getValue).sum() / cases;
        }

        /** The tables that grew most, with their growth per case, e.g. "act_hi_varinst 4.1 KB". */
        List<String> topTables(int count) {
            return tableBytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(count).filter(e -> e.getValue() > 0)
                    .map(e -> "%s %s".formatted(e.getKey(), kilobytes((double) e.getValue() / cases))).toList();
        }

        /** Rows per case in the variable tables, e.g. "act_hi_varinst 31.0". */
        List<String> rowsPerCase() {
            return rows.entrySet().stream()
                    .map(e -> "%s %.1f".formatted(e.getKey(), (double) e.getValue() / cases)).toList();
        }
    }

    static String kilobytes(double bytes) {
        return "%.1f KB".formatted(bytes / 1024);
    }
}

package org.gridcase.bench;

import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads the evaluation benchmark's cases straight into the facts with {@code generate_series} (no engine, no
 * process): {@code closed} closed cases received over {@code years} years up to {@code end}, and {@code open}
 * open ones received in the last 45 days, each with its check-in facts (about 1.5 summonses per dispatched case)
 * and a light case record (numbers {@code BM00000001}..., status and outcome only) so that the cases behind a
 * number resolve through casework as for real cases. Spread over the demo district's grids (some busier than
 * others), categories (their department answers), channels and departments (some better than others).
 * PostgreSQL only. Every run first deletes the rows of an earlier one (case numbers BM...).
 */
final class EvaluationFacts {

    private final JdbcTemplate jdbc;
    private final BenchOutput out;

    EvaluationFacts(JdbcTemplate jdbc, BenchOutput out) {
        this.jdbc = jdbc;
        this.out = out;
    }

    long generated() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM case_fact WHERE case_number LIKE 'BM%'", Long.class);
        return n == null ? 0 : n;
    }

    void load(int closed, int open, int years, Instant end) {
        // the triggers that keep the monthly sums and the check-ins' case keys (V52) would follow a million rows
        // one by one: off for the load, and the sums and keys made whole once at its end
        step("the fact tables' triggers off", """
                ALTER TABLE case_fact DISABLE TRIGGER USER;
                ALTER TABLE checkin_fact DISABLE TRIGGER USER""");
        step("delete an earlier run's rows", """
                DELETE FROM checkin_fact WHERE case_number LIKE 'BM%';
                DELETE FROM case_fact WHERE case_number LIKE 'BM%';
                DELETE FROM case_record WHERE case_number LIKE 'BM%'""");
        step("the district's grids, categories and departments", """
                DROP TABLE IF EXISTS bench_grid, bench_category, bench_department;
                CREATE UNLOGGED TABLE bench_grid AS SELECT (ROW_NUMBER() OVER (ORDER BY code) - 1)::int AS i, code,
                    parent_code AS community, SUBSTRING(code, 1, 9) AS street, name, min_lat, max_lat, min_lon, max_lon
                    FROM registry_unit WHERE level = 'GRID' AND min_lat IS NOT NULL;
                CREATE UNLOGGED TABLE bench_category AS SELECT (ROW_NUMBER() OVER (ORDER BY c.code) - 1)::int AS i, c.code,
                    c.parent_code AS grp, c.name, COALESCE(c.default_urgency, 'ROUTINE') AS urgency,
                    (SELECT MIN(d.department_code) FROM registry_department_category d WHERE d.category_code = c.code)
                        AS department
                    FROM registry_category c WHERE c.parent_code IS NOT NULL;
                CREATE UNLOGGED TABLE bench_department AS SELECT (ROW_NUMBER() OVER (ORDER BY code) - 1)::int AS i, code,
                    -- how good a department is: 0 the best; its on-time and check-in shares fall with it
                    ((ROW_NUMBER() OVER (ORDER BY md5(code))) % 5)::int AS weakness
                    FROM registry_department""");
        int grids = count("bench_grid");
        int categories = count("bench_category");
        int departments = count("bench_department");
        if (grids == 0 || categories == 0 || departments == 0) {
            throw new IllegalStateException("the demo district is missing: no grids, categories or departments");
        }
        String endLiteral = "TIMESTAMP WITH TIME ZONE '" + end + "'";
        step("%,d closed and %,d open cases' facts".formatted(closed, open), """
                INSERT INTO case_fact (case_number, received_at, district_code, street_code, community_code, grid_code,
                    category, category_group, channel, urgency, lead_department, opened_by, dispatched, closed_at,
                    handling_due, handled_at, on_time, resolution, satisfaction, rated_by, reopen_count, return_count,
                    extension_count, supervision_count, warning_count, escalation_count, red_card_count, lat, lon,
                    repeat_of, updated_at)
                SELECT 'BM' || LPAD(b.g::text, 8, '0'), b.received, '610104', gr.street, gr.community, gr.code,
                    cat.code, cat.grp,
                    CASE WHEN b.r_chan < 0.45 THEN 'GRID_WORKER' WHEN b.r_chan < 0.65 THEN 'RESIDENT_APP'
                         WHEN b.r_chan < 0.90 THEN 'HOTLINE_12345' WHEN b.r_chan < 0.97 THEN 'MOBILE_GRID_WORKER'
                         ELSE 'OPEN311' END,
                    cat.urgency,
                    CASE WHEN b.dispatched THEN cat.department END,
                    CASE WHEN b.r_chan >= 0.65 AND b.r_chan < 0.90 THEN 'hotline' END,
                    b.dispatched,
                    CASE WHEN b.closed THEN b.received + b.r_dur * b.r_dur * INTERVAL '12 days' + INTERVAL '20 minutes' END,
                    CASE WHEN b.dispatched THEN b.received + INTERVAL '5 days' END,
                    CASE WHEN b.closed AND b.dispatched THEN b.received + b.r_dur * b.r_dur * INTERVAL '11 days' END,
                    CASE WHEN b.closed THEN b.r_late >= 0.05 + 0.03 * COALESCE(dep.weakness, 0) END,
                    CASE WHEN NOT b.closed OR b.r_res >= 0.85 THEN NULL WHEN b.r_res2 < 0.88 THEN 'RESOLVED'
                         WHEN b.r_res2 < 0.95 THEN 'PARTIALLY' ELSE 'UNRESOLVED' END,
                    CASE WHEN NOT b.closed THEN NULL WHEN b.r_sat >= 0.80 THEN 'NO_RESPONSE'
                         WHEN b.r_sat < 0.56 THEN 'SATISFIED' WHEN b.r_sat < 0.74 THEN 'BASICALLY_SATISFIED'
                         ELSE 'UNSATISFIED' END,
                    CASE WHEN b.closed THEN 'REPORTER' END,
                    CASE WHEN b.closed AND b.r_re < 0.04 THEN 1 ELSE 0 END,
                    CASE WHEN b.dispatched AND b.r_re > 0.95 THEN 1 ELSE 0 END,
                    CASE WHEN b.dispatched AND b.r_re BETWEEN 0.5 AND 0.53 THEN 1 ELSE 0 END,
                    CASE WHEN b.dispatched AND b.r_late < 0.02 * (1 + COALESCE(dep.weakness, 0)) THEN 1 ELSE 0 END,
                    CASE WHEN b.r_late < 0.10 THEN 1 ELSE 0 END,
                    CASE WHEN b.dispatched AND b.r_late < 0.03 THEN 1 ELSE 0 END,
                    CASE WHEN b.dispatched AND b.r_late < 0.005 THEN 1 ELSE 0 END,
                    gr.min_lat + b.r_lat * (gr.max_lat - gr.min_lat), gr.min_lon + b.r_lon * (gr.max_lon - gr.min_lon),
                    CASE WHEN b.r_rep < 0.07 AND b.g > 10 THEN 'BM' || LPAD((b.g - 7)::text, 8, '0') END,
                    b.received
                FROM (SELECT g, g <= %1$d AS closed, random() < 0.6 AS dispatched,
                        CASE WHEN g <= %1$d
                             THEN %3$s - INTERVAL '%4$d years' + random() * (INTERVAL '%4$d years' - INTERVAL '15 days')
                             ELSE %3$s - random() * INTERVAL '45 days' END AS received,
                        random() AS r_grid, random() AS r_cat, random() AS r_chan, random() AS r_dur,
                        random() AS r_late, random() AS r_res, random() AS r_res2, random() AS r_sat, random() AS r_re,
                        random() AS r_lat, random() AS r_lon, random() AS r_rep
                      FROM generate_series(1, %2$d) g) b
                JOIN bench_grid gr ON gr.i = LEAST(%5$d - 1, FLOOR(POWER(b.r_grid, 1.6) * %5$d))::int
                JOIN bench_category cat ON cat.i = LEAST(%6$d - 1, FLOOR(POWER(b.r_cat, 1.3) * %6$d))::int
                LEFT JOIN bench_department dep ON dep.code = cat.department"""
                .formatted(closed, closed + open, endLiteral, years, grids, categories));
        step("check-in facts (1 to 3 summonses per dispatched case)", """
                INSERT INTO checkin_fact (case_number, department_code, lead, summoned_at, check_in_due, checked_in_at,
                    late, on_time, working_minutes)
                SELECT s.case_number, s.department, s.k = 1, s.summoned, s.summoned + INTERVAL '4 hours',
                    CASE WHEN s.checked_in THEN s.summoned + s.minutes * INTERVAL '1 minute' END,
                    s.minutes > 240, s.checked_in AND s.minutes <= 240, CASE WHEN s.checked_in THEN s.minutes END
                FROM (SELECT f.case_number, k.k, f.received_at + k.k * INTERVAL '40 minutes' AS summoned,
                        CASE WHEN k.k = 1 THEN f.lead_department ELSE d.code END AS department,
                        f.closed_at IS NOT NULL OR random() < 0.7 AS checked_in,
                        FLOOR(POWER(random(), 2.2 - 0.25 * COALESCE(w.weakness, 0)) * 320)::int AS minutes
                      FROM case_fact f
                      CROSS JOIN LATERAL generate_series(1, 1 + (random() < 0.35 + 0 * LENGTH(f.case_number))::int
                          + (random() < 0.15)::int) k(k)
                      JOIN bench_department d ON d.i = (ABS(HASHTEXT(f.case_number)) + k.k) %% %1$d
                      LEFT JOIN bench_department w ON w.code = CASE WHEN k.k = 1 THEN f.lead_department ELSE d.code END
                      WHERE f.dispatched AND f.case_number LIKE 'BM%%') s""".formatted(departments));
        step("light case records", """
                INSERT INTO case_record (case_number, tracking_token, category, category_name, urgency, description,
                    address, lat, lon, grid_code, community_code, street_code, channel, status, lead_department,
                    handling_due, resolution, satisfaction, reopen_count, return_count, extension_count, received_at,
                    closed_at, opened_by, rated_by, supervision_count)
                SELECT f.case_number, md5(f.case_number), f.category, cat.name, f.urgency, '基准测试生成的工单',
                    gr.name, f.lat, f.lon, f.grid_code, f.community_code, f.street_code, f.channel,
                    CASE WHEN f.closed_at IS NOT NULL THEN 'CLOSED' WHEN f.dispatched THEN 'HANDLING' ELSE 'RECEIVED' END,
                    f.lead_department, f.handling_due, f.resolution, f.satisfaction, f.reopen_count, f.return_count,
                    f.extension_count, f.received_at, f.closed_at, f.opened_by, f.rated_by, f.supervision_count
                FROM case_fact f JOIN bench_category cat ON cat.code = f.category JOIN bench_grid gr ON gr.code = f.grid_code
                WHERE f.case_number LIKE 'BM%'""");
        step("the check-ins' case keys and the monthly sums, and the triggers on again", """
                UPDATE checkin_fact SET district_code = f.district_code, street_code = f.street_code,
                       community_code = f.community_code, grid_code = f.grid_code, category = f.category,
                       category_group = f.category_group, channel = f.channel
                  FROM case_fact f WHERE f.case_number = checkin_fact.case_number;
                SELECT case_fact_month_rebuild();
                SELECT checkin_fact_month_rebuild();
                SELECT case_fact_place_rebuild();
                SELECT case_fact_assist_rebuild();
                CLUSTER checkin_fact_month USING checkin_fact_month_key;
                CLUSTER case_fact_place_month USING case_fact_place_month_key;
                CLUSTER case_fact_assist_month USING case_fact_assist_month_key;
                ALTER TABLE case_fact ENABLE TRIGGER USER;
                ALTER TABLE checkin_fact ENABLE TRIGGER USER""");
        step("ANALYZE", "ANALYZE case_fact; ANALYZE checkin_fact; ANALYZE case_record; ANALYZE case_fact_month;"
                + " ANALYZE checkin_fact_month; ANALYZE case_fact_place_month; ANALYZE case_assist;"
                + " ANALYZE case_fact_assist_month");
    }

    /** The fact tables' size on disk, with their indexes. */
    void printSizes() {
        for (String table : new String[] {"case_fact", "checkin_fact", "case_fact_month", "checkin_fact_month",
                "case_fact_place_month", "case_fact_assist_month", "case_record"}) {
            jdbc.query("""
                    SELECT COUNT(*), pg_size_pretty(pg_relation_size('%1$s')), pg_size_pretty(pg_indexes_size('%1$s')),
                        pg_size_pretty(pg_total_relation_size('%1$s')) FROM %1$s""".formatted(table),
                    rs -> {
                        out.line("%-14s %,12d rows   table %8s   indexes %8s   total %8s", table, rs.getLong(1),
                                rs.getString(2), rs.getString(3), rs.getString(4));
                    });
        }
    }

    private int count(String table) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
        return n == null ? 0 : n;
    }

    private void step(String what, String sql) {
        long start = System.nanoTime();
        for (String statement : sql.split(";\\s*\\n")) {
            jdbc.execute(statement);
        }
        out.line("  %-60s %6.1f s", what, (System.nanoTime() - start) / 1e9);
    }
}

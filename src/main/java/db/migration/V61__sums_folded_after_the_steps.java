package db.migration;

import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The monthly sums (V52, V57, V58) are no longer written by the steps that change the facts. A fact's trigger
 * appends the fact's contribution, with its sign, to the sums' pending table ({@code case_fact_month_pending} and
 * the like: the sums' columns, no key, no index), and {@code sums_fold()} adds the pending rows into the sums, one
 * node at a time, summed per key: a step's ±1 of the same key cancel out, and a second's cases of a grid and
 * month update its row once. The evaluation reads a sums table together with its pending rows (their sum is the
 * same), so a figure counts every committed fact, folded or not.
 *
 * <p>Why: every step that changed a fact updated the same few sums rows of its grid and month, so these steps
 * queued on one advisory lock (V55, V59: the deadlock fix) held through their commits, across the whole cluster;
 * in the benchmark the sums' triggers were a sixth of a lifecycle's time (issue 11). The steps now only append,
 * and nothing they do waits for another case's step. What each fact adds, and the triggers that decide when, are
 * as before: only the add functions' target changes, from the sums to their pending tables.
 */
public class V61__sums_folded_after_the_steps extends BaseJavaMigration {

    /** A sums table, its unique key, the column that counts its facts, and its columns (the keys first). */
    record Sums(String table, String key, String count, List<String> keys, List<String> values) {

        static Sums of(String table, String count, String columns, int keyCount) {
            List<String> all = Arrays.stream(columns.split(",")).map(String::trim).filter(c -> !c.isEmpty())
                    .toList();
            return new Sums(table, table + "_key", count, all.subList(0, keyCount), all.subList(keyCount, all.size()));
        }

        String pending() {
            return table + "_pending";
        }

        String columns() {
            return String.join(", ", keys) + ", " + String.join(", ", values);
        }

        /**
         * The pending rows' sums added to the sums, per key and in key order; keys whose rows cancel out are left
         * alone, and a key left with no fact goes.
         */
        String fold() {
            String keyList = String.join(", ", keys);
            String sums = values.stream().map(v -> "SUM(" + v + ")").collect(Collectors.joining(", "));
            String zeros = values.stream().map(v -> "0").collect(Collectors.joining(", "));
            String add = values.stream().map(v -> v + " = s." + v + " + EXCLUDED." + v)
                    .collect(Collectors.joining(", "));
            return "WITH d AS (DELETE FROM " + pending() + " RETURNING *)"
                    + " INSERT INTO " + table + " AS s (" + columns() + ")"
                    + " SELECT " + keyList + ", " + sums + " FROM d GROUP BY " + keyList
                    + " HAVING (" + sums + ") IS DISTINCT FROM (" + zeros + ") ORDER BY " + keyList
                    + " ON CONFLICT ON CONSTRAINT " + key + " DO UPDATE SET " + add + ";"
                    + " DELETE FROM " + table + " WHERE " + count + " = 0;";
        }
    }

    static final Sums CASES = Sums.of("case_fact_month", "cases", V52__case_fact_month_sums.COLUMNS, 10);
    static final Sums PLACES = Sums.of("case_fact_place_month", "cases", V58__case_fact_place_and_assist_month
            .PLACE_COLUMNS, 7);
    static final Sums ASSISTS = Sums.of("case_fact_assist_month", "cases", V58__case_fact_place_and_assist_month
            .COLUMNS, 7);
    static final Sums CHECK_INS = Sums.of("checkin_fact_month", "summons", V57__checkin_fact_month.COLUMNS, 9);

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equals(database)) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            for (Sums sums : List.of(CASES, PLACES, ASSISTS, CHECK_INS)) {
                // the sums' columns in the sums' order (the evaluation reads both with one SELECT *), nothing else
                sql.execute("CREATE TABLE " + sums.pending() + " (LIKE " + sums.table() + ")");
            }
            // the add functions (V60's bodies, PL/pgSQL) now append to the pending tables
            add(sql, "case_fact_month_add(r case_fact, direction integer)", CASES,
                    V52__case_fact_month_sums.select("(SELECT (r).*)", "direction * "));
            add(sql, "case_fact_place_add(r case_fact, direction integer)", PLACES,
                    V58__case_fact_place_and_assist_month.select("(SELECT (r).*) f", "COALESCE(f.lead_department, '')",
                            "direction * "));
            add(sql, "case_fact_assist_add(r case_fact, department character varying, direction integer)", ASSISTS,
                    V58__case_fact_place_and_assist_month.select("(SELECT (r).*) f", "department", "direction * "));
            add(sql, "checkin_fact_month_add(r checkin_fact, direction integer)", CHECK_INS,
                    V57__checkin_fact_month.select("(SELECT (r).*)", "direction * "));
            // the steps no longer touch the sums rows, so they need not queue on the sums' lock; the month's sums
            // trigger need not wait for the commit either
            sql.execute("DROP TRIGGER a_sums_lock ON case_fact");
            sql.execute("DROP TRIGGER a_sums_lock ON checkin_fact");
            sql.execute("DROP TRIGGER case_fact_month_lock ON case_fact");
            sql.execute("DROP FUNCTION case_fact_month_lock()");
            sql.execute("DROP TRIGGER case_fact_month_sums ON case_fact");
            sql.execute("CREATE TRIGGER case_fact_month_sums AFTER INSERT OR UPDATE OR DELETE ON case_fact"
                    + " FOR EACH ROW EXECUTE FUNCTION case_fact_month_follow()");
            // one folder at a time (the lock is V55's, now the folders' alone): another node's fold already running,
            // a caller that need not wait does nothing
            sql.execute("CREATE FUNCTION sums_fold(wait BOOLEAN) RETURNS BOOLEAN LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF wait THEN PERFORM pg_advisory_xact_lock(" + V55__case_fact_month_sums_at_commit.SUMS_LOCK
                    + "); ELSIF NOT pg_try_advisory_xact_lock(" + V55__case_fact_month_sums_at_commit.SUMS_LOCK
                    + ") THEN RETURN FALSE; END IF; "
                    + CASES.fold() + " " + PLACES.fold() + " " + ASSISTS.fold() + " " + CHECK_INS.fold()
                    + " RETURN TRUE; END $$");
            // a rebuild sums the facts anew: what is pending is in the facts already. The pending rows it deletes
            // and the facts it sums are read in one statement, so in one snapshot: a step committing meanwhile is
            // either in both or in neither
            rebuild(sql, "case_fact_month_rebuild", CASES, V52__case_fact_month_sums.select("case_fact", ""));
            rebuild(sql, "case_fact_place_rebuild", PLACES, V58__case_fact_place_and_assist_month.select(
                    "case_fact f", "COALESCE(f.lead_department, '')", ""));
            rebuild(sql, "checkin_fact_month_rebuild", CHECK_INS, V57__checkin_fact_month.select("checkin_fact", ""));
            sql.execute("CREATE OR REPLACE FUNCTION case_fact_assist_rebuild() RETURNS void LANGUAGE sql AS $$"
                    + " SELECT pg_advisory_xact_lock(" + V55__case_fact_month_sums_at_commit.SUMS_LOCK + ");"
                    + " DELETE FROM case_assist; DELETE FROM case_fact_assist_month;"
                    + " WITH gone AS (DELETE FROM " + ASSISTS.pending() + "),"
                    + " assists AS (INSERT INTO case_assist (case_number, department_code, summonses)"
                    + " SELECT case_number, department_code, COUNT(*) FROM checkin_fact WHERE NOT lead GROUP BY 1, 2)"
                    + " INSERT INTO case_fact_assist_month (" + ASSISTS.columns() + ") "
                    + V58__case_fact_place_and_assist_month.select("case_fact f JOIN (SELECT case_number,"
                            + " department_code FROM checkin_fact WHERE NOT lead GROUP BY 1, 2) p"
                            + " ON p.case_number = f.case_number", "p.department_code", "")
                    + "; $$");
        }
    }

    /**
     * An add function appending to the pending table. Its one statement is planned once per connection: with the
     * connection's {@code force_custom_plan} (or {@code auto}, which found the generic plan dearer than a custom one
     * for one row) PostgreSQL planned it at every call, 7,909 plans for 8,680 calls in a benchmark round.
     */
    private static void add(Statement sql, String signature, Sums sums, String contribution) throws Exception {
        sql.execute("CREATE OR REPLACE FUNCTION " + signature + " RETURNS void LANGUAGE plpgsql"
                + " SET plan_cache_mode = force_generic_plan AS $sums$ BEGIN"
                + " INSERT INTO " + sums.pending() + " (" + sums.columns() + ") " + contribution + "; END $sums$");
    }

    private static void rebuild(Statement sql, String function, Sums sums, String contribution) throws Exception {
        sql.execute("CREATE OR REPLACE FUNCTION " + function + "() RETURNS void LANGUAGE sql AS $$"
                + " SELECT pg_advisory_xact_lock(" + V55__case_fact_month_sums_at_commit.SUMS_LOCK + ");"
                + " DELETE FROM " + sums.table() + ";"
                + " WITH gone AS (DELETE FROM " + sums.pending() + ")"
                + " INSERT INTO " + sums.table() + " (" + sums.columns() + ") " + contribution + "; $$");
    }
}

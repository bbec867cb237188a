package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The trigger that keeps {@code case_fact_month} (V51) in step with {@code case_fact}, and its first filling. A
 * Java migration only because it is PostgreSQL's alone: on H2 (the demo's database) it does nothing and the
 * evaluation reads the facts. The sums are written once, below, for both the trigger and the rebuild: a fact
 * subtracts its old contribution and adds its new one in the transaction that changes it, whoever writes it (the
 * fact writer, a backfill, a test's rows), so the sums can never drift from the facts.
 */
public class V52__case_fact_month_sums extends BaseJavaMigration {

    /** The columns every row of {@code f} contributes, as in Measure's numerator and denominator rows. */
    static final String SUMS = """
            COUNT(*),
            SUM(CASE WHEN f.closed_at IS NOT NULL THEN 1 ELSE 0 END),
            SUM(CASE WHEN f.dispatched THEN 1 ELSE 0 END),
            SUM(CASE WHEN f.return_count > 0 THEN 1 ELSE 0 END),
            SUM(CASE WHEN f.extension_count > 0 THEN 1 ELSE 0 END),
            SUM(CASE WHEN f.supervision_count > 0 THEN 1 ELSE 0 END),
            SUM(CASE WHEN f.warning_count > 0 THEN f.warning_count ELSE 0 END),
            SUM(CASE WHEN f.escalation_count > 0 THEN f.escalation_count ELSE 0 END),
            SUM(CASE WHEN f.red_card_count > 0 THEN f.red_card_count ELSE 0 END),
            SUM(CASE WHEN f.repeat_of IS NOT NULL THEN 1 ELSE 0 END),
            SUM(CASE WHEN f.on_time THEN 1 ELSE 0 END),
            SUM(CASE WHEN (f.closed_at IS NOT NULL AND f.on_time) THEN 1 ELSE 0 END),
            SUM(CASE WHEN f.resolution = 'RESOLVED' THEN 1 ELSE 0 END),
            SUM(CASE WHEN f.resolution = 'PARTIALLY' THEN 1 ELSE 0 END),
            SUM(CASE WHEN f.resolution IN ('PARTIALLY', 'UNRESOLVED') THEN 1 ELSE 0 END),
            SUM(CASE WHEN f.resolution IN ('RESOLVED', 'PARTIALLY', 'UNRESOLVED') THEN 1 ELSE 0 END),
            SUM(CASE WHEN f.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END),
            SUM(CASE WHEN f.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED') THEN 1 ELSE 0 END),
            SUM(CASE WHEN (f.satisfaction IS NULL OR f.satisfaction = 'NO_RESPONSE') THEN 1 ELSE 0 END),
            SUM(CASE WHEN f.reopen_count > 0 THEN 1 ELSE 0 END)""";

    static final String COLUMNS = """
            anchor, month_start, district_code, street_code, community_code, grid_code, category, category_group,
            channel, lead_department, cases, closed, dispatched, returned, extended, supervised, warnings, escalations,
            red_cards, repeats, on_time, closed_on_time, resolved, partially, not_resolved, answered, satisfied, rated,
            unrated, reopened""";

    static final String KEYS = """
            a.anchor, date_trunc('month', a.t AT TIME ZONE z.zone) AT TIME ZONE z.zone,
            COALESCE(f.district_code, ''), COALESCE(f.street_code, ''), COALESCE(f.community_code, ''),
            COALESCE(f.grid_code, ''), f.category, f.category_group, f.channel, COALESCE(f.lead_department, '')""";

    /** The rows of {@code source} (aliased f) summed per anchor, month and key. */
    static String select(String source, String sign) {
        return "SELECT " + KEYS + ", " + SUMS.replace("COUNT(*)", sign + "COUNT(*)").replace("SUM(", sign + "SUM(")
                + " FROM " + source + " f CROSS JOIN LATERAL (VALUES ('RECEIVED', f.received_at),"
                + " ('CLOSED', f.closed_at), ('DUE', f.handling_due)) a (anchor, t) CROSS JOIN case_fact_month_zone z"
                + " WHERE a.t IS NOT NULL GROUP BY " + KEYS;
    }

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equals(database)) {
            return;
        }
        String update = COLUMNS.lines().flatMap(l -> java.util.Arrays.stream(l.split(",")))
                .map(String::trim).filter(c -> !c.isEmpty()).skip(10)
                .map(c -> c + " = s." + c + " + EXCLUDED." + c).reduce((x, y) -> x + ", " + y).orElseThrow();
        try (Statement sql = context.getConnection().createStatement()) {
            // a fact taken away may leave its key with none: found here and deleted at once (empty otherwise)
            sql.execute("CREATE INDEX case_fact_month_empty_idx ON case_fact_month (anchor) WHERE cases = 0");
            sql.execute("CREATE FUNCTION case_fact_month_rebuild() RETURNS void LANGUAGE sql AS $$"
                    + " DELETE FROM case_fact_month;"
                    + " INSERT INTO case_fact_month (" + COLUMNS + ") " + select("case_fact", "") + "; $$");
            // one fact's contribution, times direction (1 added, -1 taken away); a key left with
            // no fact goes (found by the partial index of empty rows)
            sql.execute("CREATE FUNCTION case_fact_month_add(r case_fact, direction INT) RETURNS void LANGUAGE sql AS $$"
                    + " INSERT INTO case_fact_month AS s (" + COLUMNS + ") "
                    + select("(SELECT (r).*)", "direction * ")
                    + " ON CONFLICT ON CONSTRAINT case_fact_month_key DO UPDATE SET " + update + ";"
                    + " DELETE FROM case_fact_month WHERE cases = 0; $$");
            sql.execute("""
                    CREATE FUNCTION case_fact_month_follow() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        -- a step that changes nothing the sums count (most of them) leaves the sums alone
                        IF TG_OP = 'UPDATE' AND (OLD.received_at, OLD.closed_at, OLD.handling_due, OLD.district_code,
                                OLD.street_code, OLD.community_code, OLD.grid_code, OLD.category, OLD.category_group,
                                OLD.channel, OLD.lead_department, OLD.dispatched, OLD.on_time, OLD.resolution,
                                OLD.satisfaction, OLD.reopen_count, OLD.return_count, OLD.extension_count,
                                OLD.supervision_count, OLD.warning_count, OLD.escalation_count, OLD.red_card_count,
                                OLD.repeat_of)
                            IS NOT DISTINCT FROM (NEW.received_at, NEW.closed_at, NEW.handling_due, NEW.district_code,
                                NEW.street_code, NEW.community_code, NEW.grid_code, NEW.category, NEW.category_group,
                                NEW.channel, NEW.lead_department, NEW.dispatched, NEW.on_time, NEW.resolution,
                                NEW.satisfaction, NEW.reopen_count, NEW.return_count, NEW.extension_count,
                                NEW.supervision_count, NEW.warning_count, NEW.escalation_count, NEW.red_card_count,
                                NEW.repeat_of) THEN
                            RETURN NULL;
                        END IF;
                        IF TG_OP IN ('UPDATE', 'DELETE') THEN
                            PERFORM case_fact_month_add(OLD, -1);
                        END IF;
                        IF TG_OP IN ('UPDATE', 'INSERT') THEN
                            PERFORM case_fact_month_add(NEW, 1);
                        END IF;
                        RETURN NULL;
                    END $$""");
            // a check-in's copy of its case's place, category and channel: taken when it is written, and written
            // again when the case's keys change
            sql.execute("""
                    CREATE FUNCTION checkin_fact_case_keys() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        SELECT f.district_code, f.street_code, f.community_code, f.grid_code, f.category,
                               f.category_group, f.channel
                          INTO NEW.district_code, NEW.street_code, NEW.community_code, NEW.grid_code, NEW.category,
                               NEW.category_group, NEW.channel
                          FROM case_fact f WHERE f.case_number = NEW.case_number;
                        RETURN NEW;
                    END $$""");
            sql.execute("CREATE TRIGGER checkin_fact_keys BEFORE INSERT OR UPDATE OF case_number ON checkin_fact"
                    + " FOR EACH ROW EXECUTE FUNCTION checkin_fact_case_keys()");
            sql.execute("""
                    CREATE FUNCTION case_fact_checkin_keys() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF TG_OP = 'INSERT' OR (OLD.district_code, OLD.street_code, OLD.community_code, OLD.grid_code,
                                OLD.category, OLD.category_group, OLD.channel) IS DISTINCT FROM (NEW.district_code,
                                NEW.street_code, NEW.community_code, NEW.grid_code, NEW.category, NEW.category_group,
                                NEW.channel) THEN
                            UPDATE checkin_fact SET district_code = NEW.district_code, street_code = NEW.street_code,
                                   community_code = NEW.community_code, grid_code = NEW.grid_code,
                                   category = NEW.category, category_group = NEW.category_group, channel = NEW.channel
                             WHERE case_number = NEW.case_number;
                        END IF;
                        RETURN NULL;
                    END $$""");
            sql.execute("CREATE TRIGGER case_fact_checkin_keys AFTER INSERT OR UPDATE ON case_fact"
                    + " FOR EACH ROW EXECUTE FUNCTION case_fact_checkin_keys()");
            sql.execute("""
                    UPDATE checkin_fact SET district_code = f.district_code, street_code = f.street_code,
                           community_code = f.community_code, grid_code = f.grid_code, category = f.category,
                           category_group = f.category_group, channel = f.channel
                      FROM case_fact f WHERE f.case_number = checkin_fact.case_number""");
            sql.execute("CREATE TRIGGER case_fact_month_sums AFTER INSERT OR UPDATE OR DELETE ON case_fact"
                    + " FOR EACH ROW EXECUTE FUNCTION case_fact_month_follow()");
            sql.execute("TRUNCATE case_fact_month");
            sql.execute("SELECT case_fact_month_rebuild()");
        }
    }
}

package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Two more monthly sums of the cases, with the columns of {@code case_fact_month} (V51/V52), for the questions that
 * ask neither a category nor a channel (most): {@code case_fact_place_month} per month of a case's received, closed
 * and handling-due times, place and lead department (a year's district in about 2,000 rows an anchor instead of
 * 37,000: the category and channel multiplied them), and {@code case_fact_assist_month} per place and assisting
 * department, over the cases that summoned the department to assist, each case once per department however often
 * it was summoned (the breakdown by assisting department reads them instead of joining a year's cases with their
 * summonses). {@code case_assist} holds each case's assisting departments with how many summonses name them, so
 * that a department's sums change only when its first summons of a case comes or its last one goes. All are kept
 * by triggers, in the transaction of the fact, whoever writes it (the fact writer deletes and writes a case's
 * summonses anew at each step); filled here for the facts there are. PostgreSQL only, like V52.
 */
public class V58__case_fact_place_and_assist_month extends BaseJavaMigration {

    static final String COLUMNS = """
            anchor, month_start, district_code, street_code, community_code, grid_code, department_code, cases,
            closed, dispatched, returned, extended, supervised, warnings, escalations, red_cards, repeats, on_time,
            closed_on_time, resolved, partially, not_resolved, answered, satisfied, rated, unrated, reopened""";

    /** The place table's columns: the lead department in the department's place. */
    static final String PLACE_COLUMNS = COLUMNS.replace("department_code", "lead_department");

    static String keys(String department) {
        return """
                a.anchor, date_trunc('month', a.t AT TIME ZONE z.zone) AT TIME ZONE z.zone,
                COALESCE(f.district_code, ''), COALESCE(f.street_code, ''), COALESCE(f.community_code, ''),
                COALESCE(f.grid_code, ''), """ + department;
    }

    /**
     * The cases of {@code source} (aliased f) summed per anchor, month, place and {@code department} (an
     * expression), times {@code sign}.
     */
    static String select(String source, String department, String sign) {
        return "SELECT " + keys(department) + ", " + V52__case_fact_month_sums.SUMS
                .replace("COUNT(*)", sign + "COUNT(*)").replace("SUM(", sign + "SUM(")
                + " FROM " + source + " CROSS JOIN LATERAL (VALUES ('RECEIVED', f.received_at),"
                + " ('CLOSED', f.closed_at), ('DUE', f.handling_due)) a (anchor, t) CROSS JOIN case_fact_month_zone z"
                + " WHERE a.t IS NOT NULL GROUP BY " + keys(department);
    }

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equals(database)) {
            return;
        }
        String update = COLUMNS.lines().flatMap(l -> java.util.Arrays.stream(l.split(",")))
                .map(String::trim).filter(c -> !c.isEmpty()).skip(7)
                .map(c -> c + " = s." + c + " + EXCLUDED." + c).reduce((x, y) -> x + ", " + y).orElseThrow();
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("""
                    CREATE TABLE case_assist (
                        case_number     VARCHAR(32) NOT NULL,
                        department_code VARCHAR(32) NOT NULL,
                        summonses       INT         NOT NULL, -- the assisting check-in facts naming it
                        PRIMARY KEY (case_number, department_code)
                    )""");
            sql.execute("""
                    CREATE TABLE case_fact_assist_month (
                        anchor          VARCHAR(8)  NOT NULL,
                        month_start     TIMESTAMP WITH TIME ZONE NOT NULL,
                        district_code   VARCHAR(20) NOT NULL,
                        street_code     VARCHAR(20) NOT NULL,
                        community_code  VARCHAR(20) NOT NULL,
                        grid_code       VARCHAR(20) NOT NULL,
                        department_code VARCHAR(32) NOT NULL,
                        cases BIGINT NOT NULL, closed BIGINT NOT NULL, dispatched BIGINT NOT NULL,
                        returned BIGINT NOT NULL, extended BIGINT NOT NULL, supervised BIGINT NOT NULL,
                        warnings BIGINT NOT NULL, escalations BIGINT NOT NULL, red_cards BIGINT NOT NULL,
                        repeats BIGINT NOT NULL, on_time BIGINT NOT NULL, closed_on_time BIGINT NOT NULL,
                        resolved BIGINT NOT NULL, partially BIGINT NOT NULL, not_resolved BIGINT NOT NULL,
                        answered BIGINT NOT NULL, satisfied BIGINT NOT NULL, rated BIGINT NOT NULL,
                        unrated BIGINT NOT NULL, reopened BIGINT NOT NULL,
                        CONSTRAINT case_fact_assist_month_key UNIQUE (anchor, month_start, department_code, grid_code,
                            community_code, street_code, district_code)
                    )""");
            sql.execute("CREATE INDEX case_fact_assist_month_empty_idx ON case_fact_assist_month (anchor)"
                    + " WHERE cases = 0");
            sql.execute("CREATE FUNCTION case_fact_assist_rebuild() RETURNS void LANGUAGE sql AS $$"
                    + " DELETE FROM case_assist; DELETE FROM case_fact_assist_month;"
                    + " INSERT INTO case_assist (case_number, department_code, summonses)"
                    + " SELECT case_number, department_code, COUNT(*) FROM checkin_fact WHERE NOT lead GROUP BY 1, 2;"
                    + " INSERT INTO case_fact_assist_month (" + COLUMNS + ") "
                    + select("case_fact f JOIN case_assist p ON p.case_number = f.case_number", "p.department_code", "")
                    + "; $$");
            // one case's contribution to one assisting department, times direction; a key left with none goes
            sql.execute("CREATE FUNCTION case_fact_assist_add(r case_fact, department VARCHAR, direction INT)"
                    + " RETURNS void LANGUAGE sql AS $$"
                    + " INSERT INTO case_fact_assist_month AS s (" + COLUMNS + ") "
                    + select("(SELECT (r).*) f", "department", "direction * ")
                    + " ON CONFLICT ON CONSTRAINT case_fact_assist_month_key DO UPDATE SET " + update + ";"
                    + " DELETE FROM case_fact_assist_month WHERE cases = 0; $$");
            sql.execute(("CREATE TABLE case_fact_place_month (LIKE case_fact_assist_month);"
                    + " ALTER TABLE case_fact_place_month RENAME COLUMN department_code TO lead_department;"
                    + " ALTER TABLE case_fact_place_month ADD CONSTRAINT case_fact_place_month_key UNIQUE (anchor,"
                    + " month_start, lead_department, grid_code, community_code, street_code, district_code);"
                    + " CREATE INDEX case_fact_place_month_empty_idx ON case_fact_place_month (anchor)"
                    + " WHERE cases = 0"));
            sql.execute("CREATE FUNCTION case_fact_place_rebuild() RETURNS void LANGUAGE sql AS $$"
                    + " DELETE FROM case_fact_place_month;"
                    + " INSERT INTO case_fact_place_month (" + PLACE_COLUMNS + ") "
                    + select("case_fact f", "COALESCE(f.lead_department, '')", "") + "; $$");
            sql.execute("CREATE FUNCTION case_fact_place_add(r case_fact, direction INT)"
                    + " RETURNS void LANGUAGE sql AS $$"
                    + " INSERT INTO case_fact_place_month AS s (" + PLACE_COLUMNS + ") "
                    + select("(SELECT (r).*) f", "COALESCE(f.lead_department, '')", "direction * ")
                    + " ON CONFLICT ON CONSTRAINT case_fact_place_month_key DO UPDATE SET " + update + ";"
                    + " DELETE FROM case_fact_place_month WHERE cases = 0; $$");
            sql.execute("""
                    CREATE FUNCTION case_assist_follow() RETURNS trigger LANGUAGE plpgsql AS $$
                    DECLARE
                        n INT;
                    BEGIN
                        IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.lead THEN
                            UPDATE case_assist SET summonses = summonses - 1
                             WHERE case_number = OLD.case_number AND department_code = OLD.department_code
                            RETURNING summonses INTO n;
                            IF n = 0 THEN
                                DELETE FROM case_assist
                                 WHERE case_number = OLD.case_number AND department_code = OLD.department_code;
                                PERFORM case_fact_assist_add(f, OLD.department_code, -1)
                                   FROM case_fact f WHERE f.case_number = OLD.case_number;
                            END IF;
                        END IF;
                        IF TG_OP IN ('UPDATE', 'INSERT') AND NOT NEW.lead THEN
                            INSERT INTO case_assist AS a (case_number, department_code, summonses)
                            VALUES (NEW.case_number, NEW.department_code, 1)
                            ON CONFLICT (case_number, department_code) DO UPDATE SET summonses = a.summonses + 1
                            RETURNING summonses INTO n;
                            IF n = 1 THEN
                                PERFORM case_fact_assist_add(f, NEW.department_code, 1)
                                   FROM case_fact f WHERE f.case_number = NEW.case_number;
                            END IF;
                        END IF;
                        RETURN NULL;
                    END $$""");
            sql.execute("CREATE TRIGGER case_assist_follow AFTER INSERT OR DELETE OR UPDATE OF case_number,"
                    + " department_code, lead ON checkin_fact FOR EACH ROW EXECUTE FUNCTION case_assist_follow()");
            // a case's change moves its place's sums, and its sums under each of its assisting departments
            sql.execute("""
                    CREATE FUNCTION case_fact_rollups_follow() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF TG_OP = 'UPDATE' AND (OLD.received_at, OLD.closed_at, OLD.handling_due, OLD.district_code,
                                OLD.street_code, OLD.community_code, OLD.grid_code, OLD.lead_department,
                                OLD.dispatched, OLD.on_time, OLD.resolution, OLD.satisfaction, OLD.reopen_count,
                                OLD.return_count, OLD.extension_count, OLD.supervision_count, OLD.warning_count,
                                OLD.escalation_count, OLD.red_card_count, OLD.repeat_of)
                            IS NOT DISTINCT FROM (NEW.received_at, NEW.closed_at, NEW.handling_due, NEW.district_code,
                                NEW.street_code, NEW.community_code, NEW.grid_code, NEW.lead_department,
                                NEW.dispatched, NEW.on_time, NEW.resolution, NEW.satisfaction, NEW.reopen_count,
                                NEW.return_count, NEW.extension_count, NEW.supervision_count, NEW.warning_count,
                                NEW.escalation_count, NEW.red_card_count, NEW.repeat_of) THEN
                            RETURN NULL;
                        END IF;
                        IF TG_OP IN ('UPDATE', 'DELETE') THEN
                            PERFORM case_fact_place_add(OLD, -1);
                            PERFORM case_fact_assist_add(OLD, a.department_code, -1)
                               FROM case_assist a WHERE a.case_number = OLD.case_number;
                        END IF;
                        IF TG_OP IN ('UPDATE', 'INSERT') THEN
                            PERFORM case_fact_place_add(NEW, 1);
                            PERFORM case_fact_assist_add(NEW, a.department_code, 1)
                               FROM case_assist a WHERE a.case_number = NEW.case_number;
                        END IF;
                        RETURN NULL;
                    END $$""");
            sql.execute("CREATE TRIGGER case_fact_rollup_sums AFTER INSERT OR UPDATE OR DELETE ON case_fact"
                    + " FOR EACH ROW EXECUTE FUNCTION case_fact_rollups_follow()");
            sql.execute("SELECT case_fact_place_rebuild()");
            sql.execute("SELECT case_fact_assist_rebuild()");
            sql.execute("CLUSTER case_fact_place_month USING case_fact_place_month_key");
            sql.execute("CLUSTER case_fact_assist_month USING case_fact_assist_month_key");
            sql.execute("ANALYZE case_assist");
            sql.execute("ANALYZE case_fact_assist_month");
            sql.execute("ANALYZE case_fact_place_month");
        }
    }
}

package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The check-ins' monthly sums, {@code checkin_fact_month}, kept by a trigger in the transaction of the check-in
 * fact they follow, like {@code case_fact_month} (V51/V52), and filled here for the check-ins there are.
 *
 * <p>A row counts the summonses of a month (in the district's time zone) with the same working minutes to check in
 * ({@code minutes}, -1: none yet), so that the P90 of any set of rows is exact: their minutes with their counts are
 * the whole distribution (the minutes are whole numbers). Kept at five levels, each a key the figures ask: the
 * district, a street, a community, a grid (every row with its units above), and a department in its role (lead or
 * assisting) within the district. Every check-in counts once at each level. A key of every place, category and
 * channel at once would be as many rows as there are check-ins once the minutes are in the key; the levels keep a
 * year's district at about 4,000 rows, a year's grids or departments at under 60,000. Check-in figures filtered by
 * a category, a channel or a department are asked of the facts. PostgreSQL only: on H2 (the demo) the facts
 * answer everything.
 */
public class V57__checkin_fact_month extends BaseJavaMigration {

    /** A check-in {@code f}'s keys at each level ('' for none, and for the units below the level). */
    static final String LEVELS = """
            (VALUES ('DISTRICT', COALESCE(f.district_code, ''), '', '', '', '', FALSE),
                    ('STREET', COALESCE(f.district_code, ''), COALESCE(f.street_code, ''), '', '', '', FALSE),
                    ('COMMUNITY', COALESCE(f.district_code, ''), COALESCE(f.street_code, ''),
                        COALESCE(f.community_code, ''), '', '', FALSE),
                    ('GRID', COALESCE(f.district_code, ''), COALESCE(f.street_code, ''),
                        COALESCE(f.community_code, ''), COALESCE(f.grid_code, ''), '', FALSE),
                    ('DEPARTMENT', COALESCE(f.district_code, ''), '', '', '', f.department_code, f.lead))
                l (level, district_code, street_code, community_code, grid_code, department_code, lead)""";

    static final String COLUMNS = "level, month_start, district_code, street_code, community_code, grid_code,"
            + " department_code, lead, minutes, summons, answered, on_time, checked_in";

    /** The check-ins of {@code source} (aliased f) summed per level, month, key and minutes, times {@code sign}. */
    static String select(String source, String sign) {
        String keys = "l.level, date_trunc('month', f.summoned_at AT TIME ZONE z.zone) AT TIME ZONE z.zone,"
                + " l.district_code, l.street_code, l.community_code, l.grid_code, l.department_code, l.lead,"
                + " COALESCE(f.working_minutes, -1)";
        return "SELECT " + keys + ", " + sign + "COUNT(*),"
                + " " + sign + "SUM(CASE WHEN (f.late OR f.checked_in_at IS NOT NULL) THEN 1 ELSE 0 END),"
                + " " + sign + "SUM(CASE WHEN f.on_time THEN 1 ELSE 0 END),"
                + " " + sign + "SUM(CASE WHEN f.checked_in_at IS NOT NULL THEN 1 ELSE 0 END)"
                + " FROM " + source + " f CROSS JOIN LATERAL " + LEVELS + " CROSS JOIN case_fact_month_zone z"
                + " GROUP BY " + keys;
    }

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equals(database)) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("""
                    CREATE TABLE checkin_fact_month (
                        level           VARCHAR(10) NOT NULL, -- DISTRICT, STREET, COMMUNITY, GRID, DEPARTMENT
                        month_start     TIMESTAMP WITH TIME ZONE NOT NULL,
                        district_code   VARCHAR(20) NOT NULL,
                        street_code     VARCHAR(20) NOT NULL,
                        community_code  VARCHAR(20) NOT NULL,
                        grid_code       VARCHAR(20) NOT NULL,
                        department_code VARCHAR(32) NOT NULL, -- '' but at the DEPARTMENT level
                        lead            BOOLEAN     NOT NULL,
                        minutes         INT         NOT NULL, -- working minutes to check in; -1: none
                        summons         BIGINT      NOT NULL, -- the check-in facts in this row
                        answered        BIGINT      NOT NULL, -- late or checked in (响应率's denominator)
                        on_time         BIGINT      NOT NULL,
                        checked_in      BIGINT      NOT NULL,
                        CONSTRAINT checkin_fact_month_key UNIQUE (level, month_start, district_code, street_code,
                            community_code, grid_code, department_code, lead, minutes)
                    )""");
            sql.execute("CREATE INDEX checkin_fact_month_empty_idx ON checkin_fact_month (level) WHERE summons = 0");
            sql.execute("CREATE FUNCTION checkin_fact_month_rebuild() RETURNS void LANGUAGE sql AS $$"
                    + " DELETE FROM checkin_fact_month;"
                    + " INSERT INTO checkin_fact_month (" + COLUMNS + ") " + select("checkin_fact", "") + "; $$");
            // one check-in's contribution, times direction (1 added, -1 taken away); a key left with none goes
            sql.execute("CREATE FUNCTION checkin_fact_month_add(r checkin_fact, direction INT) RETURNS void"
                    + " LANGUAGE sql AS $$ INSERT INTO checkin_fact_month AS s (" + COLUMNS + ") "
                    + select("(SELECT (r).*)", "direction * ")
                    + " ON CONFLICT ON CONSTRAINT checkin_fact_month_key DO UPDATE SET"
                    + " summons = s.summons + EXCLUDED.summons, answered = s.answered + EXCLUDED.answered,"
                    + " on_time = s.on_time + EXCLUDED.on_time, checked_in = s.checked_in + EXCLUDED.checked_in;"
                    + " DELETE FROM checkin_fact_month WHERE summons = 0; $$");
            sql.execute("""
                    CREATE FUNCTION checkin_fact_month_follow() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        -- a change of nothing the sums count leaves them alone
                        IF TG_OP = 'UPDATE' AND (OLD.summoned_at, OLD.district_code, OLD.street_code,
                                OLD.community_code, OLD.grid_code, OLD.department_code, OLD.lead, OLD.working_minutes,
                                OLD.checked_in_at IS NULL, OLD.late, OLD.on_time)
                            IS NOT DISTINCT FROM (NEW.summoned_at, NEW.district_code, NEW.street_code,
                                NEW.community_code, NEW.grid_code, NEW.department_code, NEW.lead, NEW.working_minutes,
                                NEW.checked_in_at IS NULL, NEW.late, NEW.on_time) THEN
                            RETURN NULL;
                        END IF;
                        IF TG_OP IN ('UPDATE', 'DELETE') THEN
                            PERFORM checkin_fact_month_add(OLD, -1);
                        END IF;
                        IF TG_OP IN ('UPDATE', 'INSERT') THEN
                            PERFORM checkin_fact_month_add(NEW, 1);
                        END IF;
                        RETURN NULL;
                    END $$""");
            sql.execute("CREATE TRIGGER checkin_fact_month_sums AFTER INSERT OR UPDATE OR DELETE ON checkin_fact"
                    + " FOR EACH ROW EXECUTE FUNCTION checkin_fact_month_follow()");
            sql.execute("SELECT checkin_fact_month_rebuild()");
            // a level's months together on disk: a year's grids read some 600 pages, not a page a row (the rows
            // of later months are written month by month, together again)
            sql.execute("CLUSTER checkin_fact_month USING checkin_fact_month_key");
            sql.execute("ANALYZE checkin_fact_month");
        }
    }
}

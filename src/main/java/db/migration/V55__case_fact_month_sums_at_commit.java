package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The monthly sums (V52's trigger) are written when the fact's transaction commits, no longer when the fact is
 * written. Every case of a month, grid, category, channel and lead department adds to the same few rows of
 * {@code case_fact_month}, so the trigger's row locks were held from a step's first fact update to the end of the
 * step's whole transaction (a whistle: some 270 statements), and the steps of all cases of a grid waited for each
 * other there; two steps taking two such rows in opposite order deadlocked (seen in the benchmark, issue 11). Fired
 * at commit, in the same transaction as before (the sums still never drift from the facts), the rows are held only
 * for the commit itself, and a transaction-level advisory lock taken first by every transaction that changed a
 * fact makes those short holds queue instead of deadlocking. Only PostgreSQL has the trigger (V52).
 */
public class V55__case_fact_month_sums_at_commit extends BaseJavaMigration {

    /** The advisory lock's key: one for every writer of the sums (an arbitrary number, 'cfm' in ASCII). */
    public static final long SUMS_LOCK = 0x63666dL;

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equals(database)) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("DROP TRIGGER case_fact_month_sums ON case_fact");
            sql.execute("CREATE FUNCTION case_fact_month_lock() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN PERFORM pg_advisory_xact_lock(" + SUMS_LOCK + "); RETURN NULL; END $$");
            // deferred triggers of one row event fire in the order of their names: the lock comes first
            sql.execute("CREATE CONSTRAINT TRIGGER case_fact_month_lock AFTER INSERT OR UPDATE OR DELETE ON case_fact"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_fact_month_lock()");
            sql.execute("CREATE CONSTRAINT TRIGGER case_fact_month_sums AFTER INSERT OR UPDATE OR DELETE ON case_fact"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_fact_month_follow()");
        }
    }
}

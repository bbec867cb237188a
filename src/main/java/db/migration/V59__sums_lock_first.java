package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every transaction that changes a case or check-in fact takes the sums' advisory lock (V55's) before any sums row.
 * The sums of V57 and V58 (check-ins by month and minutes, cases by place, cases by assisting department) are kept
 * by row triggers as the facts change, and two steps of different cases that change one kind of fact each, then
 * the other, take the same sums rows in opposite orders and deadlock. Taken first, the lock makes them queue
 * instead. The facts are written just before commit (casework's CaseChanges), so the lock is held for the fact
 * writes and the commit, not for a step's whole work. Row triggers of one event fire in the order of their names:
 * {@code a_sums_lock} comes before every other. Only PostgreSQL has the triggers.
 */
public class V59__sums_lock_first extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equals(database)) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            for (String table : new String[] {"case_fact", "checkin_fact"}) {
                sql.execute("CREATE TRIGGER a_sums_lock AFTER INSERT OR UPDATE OR DELETE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION case_fact_month_lock()");
            }
        }
    }
}

package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code case_actor} (V53) from the engine's history of the cases before it: everyone who completed a task
 * of a case's process, or of a process it called, with the last time they did. A Java migration only because the
 * engine's tables may not be there: Flyway runs before the engine creates its tables (cluster/StartupLock), so on a
 * new database there is no history and nothing to fill; on one the engine has written to, they are.
 */
public class V54__case_actors_from_history extends BaseJavaMigration {

    /** Who completed which case's tasks, and when last (public for the test that reads it against case_actor). */
    public static final String ACTORS = """
            SELECT t.assignee_ AS user_id, c.id AS case_id, MAX(t.end_time_) AS last_acted_at
              FROM act_hi_taskinst t
              JOIN case_record c ON c.process_instance_id = COALESCE(t.root_proc_inst_id_, t.proc_inst_id_)
             WHERE t.assignee_ IS NOT NULL AND t.end_time_ IS NOT NULL AND t.delete_reason_ = 'completed'
             GROUP BY t.assignee_, c.id""";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!hasTable(connection, "act_hi_taskinst")) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO case_actor (user_id, case_id, last_acted_at) " + ACTORS);
        }
    }

    /** In the connection's schema, as the database spells names (PostgreSQL lower case, H2 upper case). */
    static boolean hasTable(Connection connection, String name) throws SQLException {
        for (String spelled : new String[] {name, name.toUpperCase()}) {
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(),
                    connection.getSchema(), spelled, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}

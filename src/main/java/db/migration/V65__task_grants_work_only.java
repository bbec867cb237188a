package db.migration;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The grants on open tasks made before {@code default-user-permission-name-for-task: TASK_WORK} (application.yaml):
 * Camunda gave each task's candidate groups and assignee READ and UPDATE (6), and READ_VARIABLE (64) where that
 * check is on, which let them change the task and write the case's variables through it. UPDATE becomes TASK_WORK
 * (claim, complete), and the current assignee's grant also gets TASK_ASSIGN (give it back, hand it on), as
 * security's TaskGrants gives it from now on. Only the engine's own per-task grants are touched, those with exactly
 * these permissions on a task that is open; a Java migration because Flyway runs before the engine creates its
 * tables on a new database (V54).
 */
public class V65__task_grants_work_only extends BaseJavaMigration {

    private static final int TASK = 7;
    private static final int GRANT = 1;
    private static final int READ = 2;
    private static final int UPDATE = 4;
    private static final int READ_VARIABLE = 64;
    private static final int TASK_WORK = 16384;
    private static final int TASK_ASSIGN = 32768;
    private static final String ENGINE_MADE = "resource_type_ = " + TASK + " AND type_ = " + GRANT
            + " AND perms_ IN (" + (READ + UPDATE) + ", " + (READ + UPDATE + READ_VARIABLE) + ")";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!V54__case_actors_from_history.hasTable(connection, "act_ru_authorization")) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            // the assignee's first, while its grant still reads as the engine made it
            sql.executeUpdate("UPDATE act_ru_authorization SET perms_ = perms_ - " + UPDATE + " + " + TASK_WORK
                    + " + " + TASK_ASSIGN + ", rev_ = rev_ + 1 WHERE " + ENGINE_MADE + " AND EXISTS (SELECT 1"
                    + " FROM act_ru_task t WHERE t.id_ = resource_id_ AND t.assignee_ = user_id_)");
            sql.executeUpdate("UPDATE act_ru_authorization SET perms_ = perms_ - " + UPDATE + " + " + TASK_WORK
                    + ", rev_ = rev_ + 1 WHERE " + ENGINE_MADE + " AND resource_id_ IN (SELECT id_ FROM act_ru_task)");
        }
    }
}

package db.migration;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code case_record.step_due}: the due date of an open step whose limit is its own, the return visit's or a
 * mediation session's (casework's StepDueListener keeps it). The lists showed those tasks' due dates, but sorted the
 * case by the handling deadline long past (the reporter's rating window too, which has no task and shows none), and
 * their 已超时 view, the boards and the map never counted a late return visit or session.
 *
 * <p>Fills it for the cases at one of those steps from the engine's open tasks (a Java migration because Flyway runs
 * before the engine creates its tables on a new database, V54), and counts {@code next_due} again for the statuses
 * whose rule changed: the return visit, a mediation, and the rating window (none).
 */
public class V63__case_step_due extends BaseJavaMigration {

    /**
     * The deadline an open case of {@code case_record r} waits on, as CaseRecord.nextDue counts it (public for the
     * test that checks every open case against it).
     */
    public static final String NEXT_DUE = """
            CASE WHEN r.status IN ('RECEIVED', 'ON_THE_SPOT', 'WHISTLED') THEN r.dispatch_due
                 WHEN r.step_due IS NOT NULL AND NOT EXISTS (SELECT 1 FROM case_department d WHERE d.case_id = r.id
                     AND d.checked_in_at IS NULL AND d.check_in_due < r.step_due) THEN r.step_due
                 ELSE COALESCE((SELECT MIN(d.check_in_due) FROM case_department d WHERE d.case_id = r.id
                     AND d.checked_in_at IS NULL), CASE WHEN r.status IN ('HANDLING', 'REOPENED') THEN r.handling_due END)
            END""";

    /**
     * The due date of the open return visit or session of {@code case_record r} (a mediation's sessions run in its
     * own process, whose business key is the case number); public for the same test.
     */
    public static final String STEP_DUE = """
            (SELECT MIN(t.due_date_) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
              WHERE e.business_key_ = r.case_number AND t.task_def_key_ IN ('Task_ReturnVisit', 'Task_RecordSession'))""";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE case_record ADD COLUMN step_due TIMESTAMP WITH TIME ZONE");
            if (V54__case_actors_from_history.hasTable(connection, "act_ru_task")) {
                sql.executeUpdate("UPDATE case_record r SET step_due = " + STEP_DUE
                        + " WHERE r.status IN ('RETURN_VISIT', 'MEDIATING')");
            }
            sql.executeUpdate("UPDATE case_record r SET next_due = " + NEXT_DUE
                    + " WHERE r.status IN ('RETURN_VISIT', 'MEDIATING', 'FEEDBACK')");
        }
    }
}

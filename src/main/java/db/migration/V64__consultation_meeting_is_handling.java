package db.migration;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A case whose street convened a consultation meeting instead of summoning departments kept the status WHISTLED
 * through the meeting (CallActivity_ConsultationMeeting named no stage), so once the whistle's limit had passed the
 * workbench's 已超时 view and the district board called it 吹哨超时, though the street had blown its whistle. The
 * meeting's commitments are the case's handling: the call activity now enters HANDLING, and the record keeps the
 * earliest open commitment's due date as it keeps a return visit's (V63, casework's StepDueListener).
 *
 * <p>For the cases in a meeting now: the stage HANDLING, entered when the meeting began (the engine's history of the
 * call activity), and their deadlines counted again. A Java migration because Flyway runs before the engine creates
 * its tables on a new database (V54), where there is nothing to do.
 */
public class V64__consultation_meeting_is_handling extends BaseJavaMigration {

    /**
     * The earliest due date of the open return visit, mediation session or commitments of {@code case_record r} (a
     * called process's tasks share its case number as business key); public for the test that checks every open
     * case against it.
     */
    public static final String STEP_DUE = """
            (SELECT MIN(t.due_date_) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
              WHERE e.business_key_ = r.case_number
                AND t.task_def_key_ IN ('Task_ReturnVisit', 'Task_RecordSession', 'Task_FulfilCommitment'))""";

    private static final String IN_A_MEETING = """
            EXISTS (SELECT 1 FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_
                     WHERE e.business_key_ = r.case_number AND e.id_ = e.proc_inst_id_
                       AND d.key_ = 'ConsultationMeeting')""";

    /** Spaced apart on its own: a text block drops the space before its closing quotes ("... ANDEXISTS"). */
    private static final String AND = " AND ";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!V54__case_actors_from_history.hasTable(connection, "act_ru_execution")) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            sql.executeUpdate("""
                    INSERT INTO case_stage (case_id, status, entered_at)
                    SELECT r.id, 'HANDLING', COALESCE((SELECT MIN(a.start_time_) FROM act_hi_actinst a
                            WHERE a.proc_inst_id_ = r.process_instance_id
                              AND a.act_id_ = 'CallActivity_ConsultationMeeting' AND a.end_time_ IS NULL),
                        CURRENT_TIMESTAMP)
                      FROM case_record r WHERE r.status = 'WHISTLED'""" + AND + IN_A_MEETING);
            sql.executeUpdate("UPDATE case_record r SET status = 'HANDLING' WHERE r.status = 'WHISTLED'" + AND
                    + IN_A_MEETING);
            sql.executeUpdate("UPDATE case_record r SET step_due = " + STEP_DUE + " WHERE r.status = 'HANDLING'" + AND
                    + IN_A_MEETING);
            sql.executeUpdate("UPDATE case_record r SET next_due = " + V63__case_step_due.NEXT_DUE
                    + " WHERE r.status = 'HANDLING'" + AND + IN_A_MEETING);
        }
    }
}

package org.gridcase.cluster;


import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets every node's job executor find the jobs that are due through an index on their due date, instead of reading
 * every job about once a second: a district's open cases hold tens of thousands of timers, nearly all due days
 * ahead. Camunda leaves an async continuation's due date empty and so has to test "no due date, or due by now" on
 * each row; with {@code ensureJobDueDateNotNull} every job gets one (an async one: the moment it is made), the test
 * becomes a range on an index, and with {@code jobExecutorAcquireByDueDate} the earliest due jobs are taken first
 * (Camunda's documented combination for large job tables).
 *
 * <p>Jobs made before this setting have no due date and would never be found: they are given "now" once, while the
 * node holds the start-up lock and before its job executor starts. The index is gridcase's own, beside Camunda's.
 */
@Component
class DueJobAcquisition extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(DueJobAcquisition.class);

    static final String INDEX = "gridcase_job_due";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setJobExecutorAcquireByDueDate(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        int undated = EngineTables.change(engine, "prepare the job table for acquisition by due date",
                (statement, database) -> {
                    int count = statement.executeUpdate(
                            "update act_ru_job set duedate_ = current_timestamp where duedate_ is null");
                    statement.execute("create index if not exists " + INDEX + " on act_ru_job (duedate_)");
                    return count;
                });
        if (undated > 0) {
            log.info("{} jobs without a due date are due now, so that the job executor finds them", undated);
        }
    }
}

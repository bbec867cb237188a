package org.gridcase.cluster;


import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Every completed or deleted task makes the engine look for its subtasks ({@code select * from ACT_RU_TASK where
 * PARENT_TASK_ID_ = ?}), and Camunda has no index on that column: each completion read every open task of the
 * district (5,186 pages, 58 ms with them all cached, 170 ms from disk, at 80,000 open tasks; a known gap upstream,
 * camunda/camunda#36824). gridcase makes no subtasks, so the index holds only the tasks that have a parent: on
 * PostgreSQL it is partial and stays empty, costing a task's insert nothing. Made at every start under the start-up
 * lock, like the job table's due-date index ({@link DueJobAcquisition}); H2 (the demo) has no partial indexes and
 * few tasks, and keeps reading the table.
 */
@Component
class SubtaskLookupIndex extends AbstractProcessEnginePlugin {

    static final String INDEX = "gridcase_task_parent";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        EngineTables.change(engine, "create the index of the tasks' subtasks", (statement, database) -> {
            if ("PostgreSQL".equals(database)) {
                statement.execute("create index if not exists " + INDEX
                        + " on act_ru_task (parent_task_id_) where parent_task_id_ is not null");
            }
            return null;
        });
    }
}

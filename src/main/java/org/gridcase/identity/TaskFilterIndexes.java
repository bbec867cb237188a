package org.gridcase.identity;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.gridcase.cluster.EngineTables;
import org.springframework.stereotype.Component;

/**
 * Lets the unit filters (本街道, 本社区, 本网格, 本部门: every open task of one candidate group) count their tasks from two
 * indexes alone. The engine counts a filter with {@code count(*)} over the distinct ids of its tasks joined to their
 * candidate links; with Camunda's own indexes PostgreSQL read the group's links from the table and every open task
 * of the district from the table (the task's state and tenant are tested), and hashed them together: 86 ms for a
 * street's 50,000 tasks on a quiet machine, 350 ms on a busy one, for every Tasklist page. With these two it walks
 * both indexes in id order and merges them, without touching either table (70 ms on the same busy machine):
 *
 * <ul>
 * <li>{@value #CANDIDATE_LINKS} on a link's group, type and task: a group's candidate links in task order;
 * <li>{@value #TASK_STATE} on a task's id, suspension state and tenant: what the count tests of each task.
 * </ul>
 *
 * The list (the 15 newest) is served by Camunda's own index on a task's creation time. Camunda's tables exist only
 * once the engine has built (gridcase's Flyway migrations run before it, on an empty database), so the indexes are
 * made here, at every start, while the node holds the start-up lock ({@code cluster/StartupLockEnginePlugin}), as
 * the job table's due-date index is ({@code cluster/DueJobAcquisition}). The first start on a large database
 * builds them (a second or two for 100,000 tasks; writes to the two tables wait meanwhile).
 */
@Component
class TaskFilterIndexes extends AbstractProcessEnginePlugin {

    static final String CANDIDATE_LINKS = "gridcase_task_candidate_group";

    static final String TASK_STATE = "gridcase_task_state";

    /** Index name to its definition; CREATE INDEX IF NOT EXISTS as both PostgreSQL and H2 (the demo) read it. */
    private static final Map<String, String> INDEXES = Map.of(
            CANDIDATE_LINKS, "act_ru_identitylink (group_id_, type_, task_id_)",
            TASK_STATE, "act_ru_task (id_, suspension_state_, tenant_id_)");

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        EngineTables.change(engine, "create the indexes of the Tasklist's unit filters", (statement, database) -> {
            for (Map.Entry<String, String> index : INDEXES.entrySet()) {
                statement.execute("create index if not exists " + index.getKey() + " on " + index.getValue());
            }
            return null;
        });
    }
}

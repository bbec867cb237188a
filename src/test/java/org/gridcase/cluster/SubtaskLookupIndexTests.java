package org.gridcase.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's look for a task's subtasks, made at every completion, finds them through gridcase's index, with the
 * plan for the value (what a query gets) and the generic one (what a case's steps reuse, {@link CachedPlansForSteps}),
 * instead of reading every open task; and the index does not lose a subtask, which the engine still deletes with
 * its parent.
 */
@PostgresTest
class SubtaskLookupIndexTests {

    static final String LOOKUP = "select * from ACT_RU_TASK where PARENT_TASK_ID_ = ";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ProcessEngine engine;

    @Test
    void theLookupOfATasksSubtasksReadsTheIndexWithEitherPlan() {
        assertThat(plan(LOOKUP + "'no-such-task'")).contains("Index Scan using " + SubtaskLookupIndex.INDEX);
        assertThat(generic()).contains("Index Scan using " + SubtaskLookupIndex.INDEX);
    }

    @Test
    void aSubtaskIsStillFoundAndDeletedWithItsParent() {
        Task parent = engine.getTaskService().newTask();
        engine.getTaskService().saveTask(parent);
        Task child = engine.getTaskService().newTask();
        child.setParentTaskId(parent.getId());
        engine.getTaskService().saveTask(child);

        assertThat(engine.getTaskService().getSubTasks(parent.getId())).extracting(Task::getId)
                .containsExactly(child.getId());
        engine.getTaskService().deleteTask(parent.getId(), true);
        assertThat(engine.getTaskService().createTaskQuery().taskId(child.getId()).count()).isZero();
    }

    /** The plan with sequential scans priced out, so that a usable index shows even on a small table. */
    private String plan(String sql) {
        return transactions.execute(status -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            return String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class));
        });
    }

    private String generic() {
        return transactions.execute(status -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            jdbc.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            jdbc.execute("PREPARE subtasks(varchar) AS " + LOOKUP + "$1");
            try {
                List<String> lines = jdbc.queryForList("EXPLAIN EXECUTE subtasks('no-such-task')", String.class);
                return String.join("\n", lines);
            } finally {
                jdbc.execute("DEALLOCATE subtasks");
            }
        });
    }
}

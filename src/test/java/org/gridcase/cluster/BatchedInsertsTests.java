package org.gridcase.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The connections send a batch of inserts as one multi-row INSERT (application-postgres.yaml,
 * {@code reWriteBatchedInserts}), and the engine's flushes, which send their inserts as batches, still work.
 */
@PostgresTest
class BatchedInsertsTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    @Test
    void aBatchOfInsertsGoesAsOneStatement() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TEMPORARY TABLE batched_rows (n int) ON COMMIT DROP");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batched_rows (n) VALUES (?)")) {
                for (int n = 1; n <= 4; n++) {
                    insert.setInt(1, n);
                    insert.addBatch();
                }
                // a row count per statement would be 1 each; rewritten into one statement, the driver cannot tell
                assertThat(insert.executeBatch()).containsOnly(Statement.SUCCESS_NO_INFO).hasSize(4);
            }
            try (Statement count = connection.createStatement();
                    var rows = count.executeQuery("SELECT count(*), sum(n) FROM batched_rows")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(4);
                assertThat(rows.getInt(2)).isEqualTo(10);
            }
            connection.rollback();
        }
    }

    @Test
    void theEnginesFlushesWriteEveryRowOfABatch() {
        repository.createDeployment().enableDuplicateFiltering(false).addModelInstance("batched-inserts.bpmn",
                Bpmn.createExecutableProcess("BatchedInsertsProbe").camundaHistoryTimeToLive(1)
                        .startEvent().userTask().endEvent().done()).deploy();
        // a variable of each kind: the engine inserts them, their history instances and details, in batches
        String instance = runtime.startProcessInstanceByKey("BatchedInsertsProbe", Variables.createVariables()
                .putValue("a", "一").putValue("b", 2).putValue("c", true).putValue("d", 4.5)).getId();
        assertThat(runtime.getVariables(instance)).containsEntry("a", "一").containsEntry("b", 2)
                .containsEntry("c", true).containsEntry("d", 4.5);
        var task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        tasks.complete(task.getId(), Variables.createVariables().putValue("e", "五").putValue("f", 6));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).count()).isEqualTo(6);
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count()).isEqualTo(6);
    }
}

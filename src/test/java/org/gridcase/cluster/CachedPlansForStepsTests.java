package org.gridcase.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A step's transaction reuses PostgreSQL's cached plans; a query's is planned for its own parameters, as the
 * connection is set. Each command runs inside a transaction of the test's, so the setting it leaves for the rest of
 * that transaction ({@code SET LOCAL}) can be read afterwards on the same connection.
 */
@PostgresTest
class CachedPlansForStepsTests {

    private static final String PROCESS = "CachedPlansProbe";

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void deployOneTaskProcess() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repository.createDeployment().addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                    .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Probe").endEvent().done()).deploy();
        }
    }

    @Test
    void theConnectionPlansEveryStatementForItsParameters() {
        assertThat(modeAfter(() -> { })).isEqualTo("force_custom_plan");
    }

    @Test
    void startingAProcessReusesCachedPlans() {
        assertThat(modeAfter(() -> runtime.startProcessInstanceByKey(PROCESS))).isEqualTo("auto");
    }

    @Test
    void completingATaskReusesCachedPlans() {
        String instance = runtime.startProcessInstanceByKey(PROCESS).getId();
        String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

        assertThat(modeAfter(() -> tasks.complete(task))).isEqualTo("auto");
    }

    @Test
    void aStepOfGridcasesOwnReusesCachedPlansForTheRestOfItsTransaction(@Autowired CachedPlansForSteps plans) {
        assertThat(modeAfter(plans::reuseInThisTransaction)).isEqualTo("auto");
    }

    @Test
    void aTaskQueryIsPlannedForItsOwnGroup() {
        assertThat(modeAfter(() -> tasks.createTaskQuery().taskCandidateGroup("street-none").list()))
                .isEqualTo("force_custom_plan");
    }

    /** The setting in force on the transaction's connection once {@code work} has run in it. */
    private String modeAfter(Runnable work) {
        return transaction.execute(status -> {
            work.run();
            String mode = jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class);
            status.setRollbackOnly();
            return mode;
        });
    }
}

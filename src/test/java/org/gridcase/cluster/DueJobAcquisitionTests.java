package org.gridcase.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every job has a due date, so that acquisition can find due jobs through gridcase's index on it. */
@PostgresTest
class DueJobAcquisitionTests {

    static final String PROCESS = "DueJobAcquisitionProbe";

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void deploy() {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            engine.getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn",
                    Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                            .startEvent().camundaAsyncAfter()
                            .endEvent()
                            .done())
                    .deploy();
        }
    }

    @Test
    void anAsyncContinuationIsDueWhenItIsMade() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();

        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
        assertThat(job.getDuedate()).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = ?", Integer.class,
                DueJobAcquisition.INDEX)).isEqualTo(1);
    }

    @Test
    void aJobMadeWithoutADueDateBeforehandIsGivenOneAtStart() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
        jdbc.update("update act_ru_job set duedate_ = null where process_instance_id_ = ?", instance);

        // when: a node starts
        new DueJobAcquisition().postProcessEngineBuild(engine);

        // then: the job is due, so the job executor finds it, and it runs
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
        assertThat(job.getDuedate()).isNotNull();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).executable().count())
                .isEqualTo(1);
        engine.getManagementService().executeJob(job.getId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }
}

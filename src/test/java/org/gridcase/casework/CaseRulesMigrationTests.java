package org.gridcase.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A designer changes the check-in limit for 安全隐患; new cases follow, old ones keep theirs until migrated. */
class CaseRulesMigrationTests extends ProcessTestSupport {

    static final Path TRIAGE = Path.of("processes/ReportTriage.dmn");
    static final Path PROCESS = Path.of("processes/GridReportProcess.bpmn");

    @Autowired
    RepositoryService repository;

    @Autowired
    CaseRulesMigration migration;

    CaseRulesMigrationTests() {
        super("991001", 37.0, 107.0, THURSDAY_TEN);
    }

    @Test
    void newCasesFollowAChangedLimitOldOnesKeepTheirsUntilMigrated() throws IOException {
        // given: a fire exit blocked, checked in within 2 working hours
        ProcessInstance old = whistledFireExitCase();
        assertThat(checkInDueDates(old)).containsOnly(THURSDAY_TEN.plusHours(2).toInstant());
        String original = Files.readString(TRIAGE, StandardCharsets.UTF_8);

        try {
            // when: the designer edits the 安全隐患 row to 1 working hour and deploys DMN and BPMN again
            String edited = original.replaceFirst(
                    "(<outputEntry id=\"OutputEntry_09_5\">\\s*<text>)\"working:PT2H\"", "$1\"working:PT1H\"");
            assertThat(edited).as("the 安全隐患 row's check-in limit").isNotEqualTo(original);
            repository.createDeployment().name("designer change")
                    .addString("ReportTriage.dmn", edited)
                    .addString("GridReportProcess.bpmn", Files.readString(PROCESS, StandardCharsets.UTF_8))
                    .deploy();

            // then: a new case gets the new limit, the old one keeps the old
            ProcessInstance fresh = whistledFireExitCase();
            assertThat(checkInDueDates(fresh)).containsOnly(THURSDAY_TEN.plusHours(1).toInstant());
            assertThat(checkInDueDates(old)).containsOnly(THURSDAY_TEN.plusHours(2).toInstant());

            // when: the administrator moves running cases onto the new rules
            CaseRulesMigration.Result result = migration.migrateRunningCases();

            // then
            assertThat(result.migratedInstances()).isGreaterThanOrEqualTo(1);
            String latest = repository.createProcessDefinitionQuery().processDefinitionKey("GridReportProcess")
                    .latestVersion().singleResult().getId();
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(old.getId()).singleResult()
                    .getProcessDefinitionId()).isEqualTo(latest);
            assertThat(runtime.getVariable(old.getId(), "checkInLimit")).isEqualTo("working:PT1H");
            Instant moved = THURSDAY_TEN.plusHours(1).toInstant();
            assertThat(checkInDueDates(old)).containsOnly(moved);
            assertThat(management.createJobQuery().processInstanceId(old.getId())
                    .activityId("BoundaryEvent_CheckInOverdue").list())
                    .hasSize(2).allSatisfy(timer -> assertThat(timer.getDuedate().toInstant()).isEqualTo(moved));
            // and the ladder with it: warning at 80 % of the new hour, red card at twice it
            assertThat(timerDueDates(old, "BoundaryEvent_CheckInWarning"))
                    .containsOnly(THURSDAY_TEN.plusMinutes(48).toInstant());
            assertThat(timerDueDates(old, "BoundaryEvent_CheckInRedCard"))
                    .containsOnly(THURSDAY_TEN.plusHours(2).toInstant());
        } finally {
            // later tests expect the rules in processes/: make them the newest again
            repository.createDeployment().name("restore").addString("ReportTriage.dmn", original).deploy();
        }
    }

    private ProcessInstance whistledFireExitCase() {
        ProcessInstance instance = opened(new NewCase("SAFETY.FIRE_EXIT_BLOCKED", null, "消防通道被杂物堵塞",
                "测试社区 3 号楼", null, null, d.westGrid(), null, null, Channel.GRID_WORKER, List.of()));
        Task whistle = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        complete(whistle, withVariables("departments", List.of("zhujian", "chengguan"), "leadDepartment", "zhujian"));
        return instance;
    }

    private List<Instant> timerDueDates(ProcessInstance instance, String timer) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(timer).list().stream()
                .map(job -> job.getDuedate().toInstant()).toList();
    }

    private List<Instant> checkInDueDates(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_CheckIn").list()
                .stream().map(t -> t.getDueDate().toInstant()).toList();
    }
}

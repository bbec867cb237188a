package org.gridcase.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.gridcase.PostgresTest;
import org.gridcase.RecordedStatements;
import org.gridcase.StatementCounting;
import org.gridcase.StatementRecorder;
import org.gridcase.casework.CaseRegistration;
import org.gridcase.casework.Channel;
import org.gridcase.casework.NewCase;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The boards and lists say who holds each open step of their cases (OpenTasks): reading that costs the same few
 * statements for 3 cases as for 12, rather than two more for every task, and names each step's candidate groups,
 * none for a step someone has claimed.
 */
@PostgresTest
@Import(StatementCounting.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenTasksStatementsTests {

    @Autowired
    OpenTasks openTasks;

    @Autowired
    StatementRecorder recorder;

    @Autowired
    CaseRegistration registration;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    TestDistrict d;

    /** Each report with a phone of its own, so that the per-phone limit never refuses one. */
    private final AtomicInteger reports = new AtomicInteger((int) (System.nanoTime() % 10_000_000));

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments) {
        TestDistrict.registerTriageDepartments(departments);
        d = TestDistrict.create(units, departments, "996901", 77.0, 147.0, "OT");
    }

    @Test
    void theHoldersOfManyCasesStepsCostNoMoreStatementsThanAFewCases() throws Exception {
        List<String> few = waitingForTheWhistle(3);
        List<String> many = waitingForTheWhistle(12);

        RecordedStatements forFew = new RecordedStatements();
        RecordedStatements forMany = new RecordedStatements();
        Map<String, List<OpenTasks.OpenTask>> fewTasks = recorder.record(forFew, () -> openTasks.of(few));
        Map<String, List<OpenTasks.OpenTask>> manyTasks = recorder.record(forMany, () -> openTasks.of(many));

        assertThat(fewTasks).hasSize(3);
        assertThat(manyTasks).hasSize(12);
        assertThat(forMany.count()).as(forMany.breakdown()).isEqualTo(forFew.count());
        assertThat(manyTasks.get(many.get(0)).get(0).candidateGroups())
                .containsExactly(CamundaGroups.ofUnit(UnitLevel.STREET, d.street()));
    }

    @Test
    void aClaimedStepNamesItsAssigneeAndNoGroups() {
        String instance = waitingForTheWhistle(1).get(0);
        String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        tasks.claim(task, "someone");

        OpenTasks.OpenTask step = openTasks.of(List.of(instance)).get(instance).get(0);

        assertThat(step.assignee()).isEqualTo("someone");
        assertThat(step.candidateGroups()).isEmpty();
    }

    /** Reports of buses blocking a road, placed and triaged: each waits for its street's whistle. */
    private List<String> waitingForTheWhistle(int count) {
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String caseNumber = registration.open(new NewCase("TRAFFIC.BUS_BLOCKING", null, "公交车排队进站",
                    "测试社区公交站", d.lat0() + 0.005, d.lon0() + 0.005, null, "王女士",
                    "139%08d".formatted(reports.incrementAndGet()), Channel.RESIDENT_APP, List.of())).caseNumber();
            String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .singleResult().getId();
            for (Job job = due(instance); job != null; job = due(instance)) {
                management.executeJob(job.getId());
            }
            instances.add(instance);
        }
        return instances;
    }

    /** A job of the instance that is due now (the job executor is off in these tests), or null. */
    private Job due(String instance) {
        return management.createJobQuery().processInstanceId(instance).executable().listPage(0, 1).stream()
                .findFirst().orElse(null);
    }
}

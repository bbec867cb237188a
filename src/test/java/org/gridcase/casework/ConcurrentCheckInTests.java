package org.gridcase.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.audit.CaseTimeline;
import org.gridcase.audit.TimelineEvent;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two departments checking in to one case at the same moment. SubProcess_CheckIn is a parallel multi-instance, so
 * their completions run side by side in two engine transactions; each must go through, and the record, the notes
 * and the audit timeline must keep each department's own check-in.
 */
class ConcurrentCheckInTests extends ProcessTestSupport {

    /** Enough rounds that a race lost even now and then shows. */
    private static final int ROUNDS = 20;

    private final ExecutorService departments = Executors.newFixedThreadPool(2);

    @Autowired
    CaseQueries cases;

    @Autowired
    CaseTimeline timeline;

    @Autowired
    JdbcTemplate jdbc;

    ConcurrentCheckInTests() {
        super("991501", 44.0, 114.0, THURSDAY_TEN);
    }

    @AfterAll
    void stopThreads() {
        departments.shutdownNow();
    }

    @Test
    void twoDepartmentsCheckingInAtTheSameMomentBothSucceed() throws Exception {
        List<String> failures = new ArrayList<>();
        List<ProcessInstance> instances = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            // given: a case waiting for the traffic police and the bus company
            ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
            whistle(List.of("jiaojing", "gongjiao"), "jiaojing");
            instances.add(instance);
            laterByAMinute(); // the timeline keeps the values written after a task's creation
            long versionBefore = version(instance);

            // when: both complete their check-in at the same moment, each as its own member of staff
            CyclicBarrier together = new CyclicBarrier(2);
            Future<String> jiaojing = departments.submit(() -> checkIn(instance, "jiaojing", together));
            Future<String> gongjiao = departments.submit(() -> checkIn(instance, "gongjiao", together));
            for (Future<String> outcome : List.of(jiaojing, gongjiao)) {
                String failure = outcome.get(60, TimeUnit.SECONDS);
                if (failure != null) {
                    failures.add("round " + round + ": " + failure);
                }
            }
            // each check-in changes only its department's row: two of them never meet on the case's @Version
            assertThat(version(instance)).as("round %d: the case row's version", round).isEqualTo(versionBefore);
            runDueJobs(instance);
        }

        // then: every completion went through, and every case went on to handling with both check-ins kept
        assertThat(failures).as("failed check-ins of %d rounds", ROUNDS).isEmpty();
        for (ProcessInstance instance : instances) {
            assertThat(instance).isWaitingAt("Task_HandleOnSite");
            CaseDetails record = asAuditor(() -> cases.find(instance.getBusinessKey())).orElseThrow();
            assertThat(record.status()).isEqualTo(CaseStatus.HANDLING);
            assertThat(record.departments()).extracting(d -> d.departmentCode() + " " + d.checkedInBy() + " "
                    + d.checkInNote()).containsExactlyInAnyOrder("jiaojing dept.jiaojing " + note("jiaojing"),
                            "gongjiao dept.gongjiao " + note("gongjiao"));
            assertThat(tasks.getProcessInstanceComments(instance.getId())).extracting(c -> c.getFullMessage())
                    .contains("【部门报到】" + note("jiaojing"), "【部门报到】" + note("gongjiao"));
            List<TimelineEvent> events = asAuditor(() -> timeline.of(instance.getBusinessKey()));
            assertThat(events)
                    .filteredOn(e -> e.kind().equals("TASK_COMPLETED") && "Task_CheckIn".equals(e.activityId()))
                    .extracting(e -> e.details().get("values"))
                    .containsExactlyInAnyOrder(Map.of("checkInNote", note("jiaojing")),
                            Map.of("checkInNote", note("gongjiao")));
        }
    }

    /** Completes the department's check-in as its member of staff; the failure, or null when it went through. */
    private String checkIn(ProcessInstance instance, String department, CyclicBarrier together) throws Exception {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_CheckIn")
                .taskCandidateGroup("dept-" + department).singleResult();
        engine.getIdentityService().setAuthentication("dept." + department, List.of("dept-" + department));
        try {
            together.await(30, TimeUnit.SECONDS);
            tasks.complete(task.getId(), Map.of("checkInNote", note(department)));
            return null;
        } catch (RuntimeException e) {
            return department + ": " + e;
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private long version(ProcessInstance instance) {
        return jdbc.queryForObject("SELECT version FROM case_record WHERE case_number = ?", Long.class,
                instance.getBusinessKey());
    }

    /** Runs the case's continuations that are due now (not its timers), as the job executor would. */
    private void runDueJobs(ProcessInstance instance) {
        List<Job> due;
        while (!(due = management.createJobQuery().processInstanceId(instance.getId()).executable().list()).isEmpty()) {
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private static void laterByAMinute() {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
    }

    private static String note(String department) {
        return department + " 已派员到场";
    }
}

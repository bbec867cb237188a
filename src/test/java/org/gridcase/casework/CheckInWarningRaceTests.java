package org.gridcase.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.registry.Urgency;
import org.gridcase.system.LostRaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A department checking in while its check-in warning's job finishes. Seen in the suite (WorkbenchBoardsTests): the
 * job executor warned the departments as the test checked one in, and the check-in got a 500 naming ENGINE-03077:
 * the warning's end had removed a part of the check-in's execution tree while the completion was reading it. The
 * engine lets one of the two through; whichever loses, nothing is lost: a check-in that loses is told of a lost race
 * (LostRaces: 409 on both REST roots) and goes through when done again, and a warning that loses runs again. The
 * check-in starts 0 to 39 ms after the job, so that the rounds sweep across the job's commit.
 */
class CheckInWarningRaceTests extends ProcessTestSupport {

    private static final Logger log = LoggerFactory.getLogger(CheckInWarningRaceTests.class);
    private static final int ROUNDS = 80;

    @Autowired
    CaseQueries cases;

    ExecutorService two;

    CheckInWarningRaceTests() {
        super("997802", 78.5, 148.5, THURSDAY_TEN); // a square of the globe no other test district uses
    }

    @BeforeAll
    void threads() {
        two = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    void stopThreads() {
        two.shutdownNow();
    }

    @Test
    void aCheckInRacingItsWarningIsDoneOrToldItLostARaceAndNothingIsLost() throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            ClockUtil.setCurrentTime(Date.from(THURSDAY_TEN.toInstant()));
            ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
            whistle(List.of("jiaojing", "gongjiao"), "jiaojing");
            // 100 working minutes on: past both warnings (80 % of two working hours), whose jobs are to run
            ClockUtil.setCurrentTime(Date.from(THURSDAY_TEN.plus(Duration.ofMinutes(100)).toInstant()));
            management.createJobQuery().processInstanceId(instance.getId()).activityId("BoundaryEvent_CheckInWarning")
                    .list().forEach(timer -> execute(timer));
            List<Job> warnings = warnings(instance);
            assertThat(warnings).hasSize(2);
            Task checkIn = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_CheckIn")
                    .taskCandidateGroup("dept-jiaojing").singleResult();

            CyclicBarrier together = new CyclicBarrier(2);
            long delay = round % 40;
            Future<List<RuntimeException>> warned = two.submit(() -> {
                together.await();
                List<RuntimeException> lost = new ArrayList<>();
                for (Job warning : warnings) {
                    try {
                        management.executeJob(warning.getId());
                    } catch (RuntimeException e) {
                        lost.add(e);
                    }
                }
                return lost;
            });
            Future<RuntimeException> checkedIn = two.submit(() -> {
                together.await();
                Thread.sleep(delay);
                try {
                    tasks.complete(checkIn.getId(), Map.of("checkInNote", "交警已到场"));
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            List<RuntimeException> warningsLost = warned.get();
            RuntimeException checkInLost = checkedIn.get();

            for (RuntimeException lost : warningsLost) {
                assertThat(LostRaces.in(lost)).as("round %d: the warning lost %s", round, lost).isPresent();
            }
            if (checkInLost != null) {
                assertThat(LostRaces.in(checkInLost)).as("round %d: the check-in lost %s", round, checkInLost)
                        .hasValueSatisfying(answer -> assertThat(answer.status()).isEqualTo(409));
                tasks.complete(checkIn.getId(), Map.of("checkInNote", "交警已到场"));
            }
            warnings(instance).forEach(warning -> management.executeJob(warning.getId()));
            assertThat(warnings(instance)).as("round %d: every warning ran", round).isEmpty();
            assertThat(asAuditor(() -> cases.find(instance.getBusinessKey())).orElseThrow().departments().stream()
                    .filter(d -> d.departmentCode().equals("jiaojing")).findFirst().orElseThrow().checkedInAt())
                    .as("round %d: checked in", round).isNotNull();
            outcomes.merge(outcome(warningsLost, checkInLost), 1, Integer::sum);
        }
        log.info("A check-in racing its warning, {} rounds: {}", ROUNDS, outcomes);
    }

    private List<Job> warnings(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId("Task_WarnCheckIn").list();
    }

    private static String outcome(List<RuntimeException> warningsLost, RuntimeException checkInLost) {
        if (checkInLost != null) {
            return "check-in lost: " + String.valueOf(checkInLost.getMessage()).replaceAll("^(ENGINE-\\d{5}).*", "$1");
        }
        return warningsLost.isEmpty() ? "both through" : "a warning lost";
    }
}

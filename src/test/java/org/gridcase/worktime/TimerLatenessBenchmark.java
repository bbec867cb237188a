package org.gridcase.worktime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * How late timers fire on an idle node with gridcase's job executor settings. Not part of the suite (the name
 * does not end in Tests); run it with {@code mvn test -Dtest=TimerLatenessBenchmark} and read the figures. It
 * fails only if a timer never fires.
 */
@PostgresTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
class TimerLatenessBenchmark {

    static final int TIMERS = 8;
    static final Duration DELAY = Duration.ofSeconds(3);

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Test
    void measuresHowLateTimersFire() throws InterruptedException {
        BpmnModelInstance model = Bpmn.createExecutableProcess("TimerLatenessBenchmark")
                .camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent("Timer").timerWithDuration(DELAY.toString())
                .endEvent().done();
        repository.createDeployment().addModelInstance("TimerLatenessBenchmark.bpmn", model).deploy();

        List<String> instances = new ArrayList<>();
        for (int i = 0; i < TIMERS; i++) {
            instances.add(runtime.startProcessInstanceByKey("TimerLatenessBenchmark").getId());
            // spread the due times so that each timer meets an idle acquisition cycle
            Thread.sleep(2_300);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (runtime.createProcessInstanceQuery().processDefinitionKey("TimerLatenessBenchmark").count() > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }

        LongSummaryStatistics lateness = new LongSummaryStatistics();
        for (String instance : instances) {
            HistoricActivityInstance timer = history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                    .activityId("Timer").singleResult();
            assertThat(timer.getEndTime()).as("timer of %s fired", instance).isNotNull();
            long lateMillis = timer.getEndTime().getTime() - timer.getStartTime().getTime() - DELAY.toMillis();
            lateness.accept(lateMillis);
        }
        System.out.printf("Timer lateness over %d timers of %s: min %d ms, mean %.0f ms, max %d ms%n",
                lateness.getCount(), DELAY, lateness.getMin(), lateness.getAverage(), lateness.getMax());
    }
}

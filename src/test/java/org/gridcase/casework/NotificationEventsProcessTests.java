package org.gridcase.casework;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.notification.NotificationLog;
import org.gridcase.notification.NotificationView;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The events of the routing table that the process sends (issue 14): the reporter at intake with the tracking link
 * and at reopening, the departments when the street summons them, the street when the lead asks for more time, the
 * supervisors when handling is overdue.
 */
class NotificationEventsProcessTests extends ProcessTestSupport {

    @Autowired
    NotificationLog notifications;

    NotificationEventsProcessTests() {
        super("990261", 33.6, 103.6, THURSDAY_TEN);
    }

    private List<NotificationView> sent(ProcessInstance instance, String template) {
        return notifications.about(instance.getBusinessKey()).stream()
                .filter(message -> message.template().equals(template)).toList();
    }

    @Test
    void tellsTheReporterAtIntakeWithTheTrackingLink() {
        // when
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);

        // then
        String token = registration.registered(instance.getBusinessKey()).orElseThrow().trackingToken();
        assertThat(sent(instance, "REPORTER_RECEIVED")).singleElement().satisfies(message -> {
            assertThat(message.recipient()).isEqualTo("reporter:13900001111");
            assertThat(message.text()).contains(instance.getBusinessKey())
                    .contains("/m/cases/" + instance.getBusinessKey() + "?token=" + token);
        });
    }

    @Test
    void tellsEachSummonedDepartmentAtTheWhistle() {
        // given
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        assertThat(sent(instance, "DEPARTMENT_SUMMONED")).isEmpty();

        // when
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");

        // then
        assertThat(sent(instance, "DEPARTMENT_SUMMONED")).extracting(NotificationView::recipient)
                .containsExactlyInAnyOrder("group:dept-jiaojing", "group:dept-gongjiao");
        assertThat(sent(instance, "DEPARTMENT_SUMMONED")).allSatisfy(message -> assertThat(message.text())
                .contains("测试街道").contains("2 个工作小时").doesNotContain("{"));
    }

    @Test
    void tellsTheStreetWhenTheLeadAsksForMoreTime() {
        // given
        ProcessInstance instance = handling();

        // when
        complete(task(), withVariables("handlingOutcome", "EXTENSION_REQUESTED",
                "proposedDeadline", "2025-10-26T10:00:00+08:00", "extensionReason", "需协调公交线路调整"));

        // then
        assertThat(instance).isWaitingAt("Task_ApproveExtension");
        assertThat(sent(instance, "EXTENSION_REQUESTED")).singleElement().satisfies(message -> {
            assertThat(message.recipient()).isEqualTo("group:street-" + d.street());
            assertThat(message.text()).contains("10月26日 10:00").contains("需协调公交线路调整");
        });
    }

    @Test
    void tellsTheReporterThatTheCaseIsHandledAgain() {
        // given
        ProcessInstance instance = handling();
        resolve();

        // when
        complete(task(), withVariables("resolution", "PARTIALLY", "satisfaction", "UNSATISFIED",
                "returnVisitNote", "站点仍被占用"));

        // then
        assertThat(instance).hasPassed("Task_ReopenCase");
        assertThat(sent(instance, "REPORTER_REOPENED")).singleElement().satisfies(message -> {
            assertThat(message.recipient()).isEqualTo("reporter:13900001111");
            assertThat(message.text()).contains("第 1 次重办");
        });
    }

    @Test
    void tellsTheSupervisorsWhenHandlingIsOverdue() {
        // given
        ProcessInstance instance = handling();

        // when
        execute(job("BoundaryEvent_HandlingOverdue"));

        // then
        assertThat(instance).isWaitingAt("Task_HandleOnSite", "Task_SuperviseOverdueCase");
        assertThat(sent(instance, "LADDER_ESCALATION")).singleElement().satisfies(message -> {
            assertThat(message.recipient()).isEqualTo("group:supervisors");
            assertThat(message.text()).contains("【升级】").contains(instance.getBusinessKey());
        });
    }

    private ProcessInstance handling() {
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");
        checkIn(instance, "jiaojing", "gongjiao");
        assertThat(instance).isWaitingAt("Task_HandleOnSite");
        return instance;
    }
}

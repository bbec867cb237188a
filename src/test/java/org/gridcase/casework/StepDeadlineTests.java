package org.gridcase.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.Test;

/**
 * The steps whose limit is their own, the return visit and a mediation's sessions: while one is open, the record
 * waits on its task's due date (the deadline the workbench's list shows, sorts by and flags), and the list's 即将超时
 * and 已超时 views find the case by it. The reporter's rating window, and a mediation between sessions, have no
 * deadline anyone must meet.
 */
class StepDeadlineTests extends ProcessTestSupport {

    StepDeadlineTests() {
        super("997801", 78.0, 148.0, THURSDAY_TEN); // a square of the globe no other test district uses
    }

    @Test
    void aCaseAtItsReturnVisitWaitsOnTheVisitsDueDateAndIsLateOncePast() {
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");
        checkIn(instance, "jiaojing", "gongjiao");
        assertThat(kept(instance, "next_due")).as("handling").isNotNull().isEqualTo(kept(instance, "handling_due"));

        feedBack();
        assertThat(recordOf(instance).status()).isEqualTo(CaseStatus.FEEDBACK);
        assertThat(kept(instance, "next_due")).as("the reporter's rating window: nobody's deadline").isNull();

        execute(job("Event_RatingTimeElapsed"));
        Instant visitDue = task("Task_ReturnVisit").getDueDate().toInstant();
        assertThat(kept(instance, "next_due")).as("the return visit").isEqualTo(visitDue);
        assertThat(recordOf(instance).stepDue()).isEqualTo(visitDue);
        assertThat(listedAt(instance, visitDue.minusSeconds(60), null)).as("overdue a minute early").isFalse();
        assertThat(listedAt(instance, visitDue.plusSeconds(60), null)).as("overdue a minute late").isTrue();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        assertThat(listedAt(instance, now, visitDue.plusSeconds(60))).as("due before a minute after").isTrue();
        assertThat(listedAt(instance, now, visitDue.minusSeconds(60))).as("due before a minute before").isFalse();

        // not satisfied: reopened, the lead handles it again under a new deadline, and the visit's is gone
        complete(task("Task_ReturnVisit"), withVariables("resolution", "PARTIALLY", "satisfaction", "UNSATISFIED",
                "returnVisitNote", "仍有车辆占道"));
        assertThat(recordOf(instance).stepDue()).isNull();
        assertThat(kept(instance, "next_due")).as("reopened").isNotNull().isEqualTo(kept(instance, "handling_due"));
        assertThat(kept(instance, "handling_due")).isAfter(visitDue.plusSeconds(60));
        assertThat(listedAt(instance, visitDue.plusSeconds(60), null)).as("the visit's limit no longer counts").isFalse();

        resolve();
        complete(task("Task_ReturnVisit"), withVariables("resolution", "RESOLVED", "satisfaction", "SATISFIED"));
        assertThat(recordOf(instance).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(kept(instance, "next_due")).isNull();
        assertThat(recordOf(instance).stepDue()).isNull();
    }

    @Test
    void aMediatedCaseWaitsOnItsSessionsDueDateWhileOneIsOpen() {
        ProcessInstance instance = report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE);
        ProcessInstance mediation = calledMediation(instance);
        assertThat(recordOf(instance).status()).isEqualTo(CaseStatus.MEDIATING);
        assertThat(kept(instance, "next_due")).as("assessing the dispute").isNull();
        assessRoutineDispute(mediation);
        assignCommunityMediator(mediation);

        Instant sessionDue = task("Task_RecordSession", mediation).getDueDate().toInstant();
        assertThat(kept(instance, "next_due")).as("a session").isEqualTo(sessionDue);
        assertThat(listedAt(instance, sessionDue.minusSeconds(60), null)).isFalse();
        assertThat(listedAt(instance, sessionDue.plusSeconds(60), null)).as("the session is late").isTrue();

        // the round's sessions share its limit
        recordSession(mediation, "CONTINUE", Map.of());
        assertThat(kept(instance, "next_due")).as("the next session").isEqualTo(sessionDue);

        recordSession(mediation, "AGREEMENT", Map.of());
        assertThat(task("Task_RecordAgreement", mediation)).isNotNull();
        assertThat(kept(instance, "next_due")).as("writing the agreement").isNull();
        assertThat(listedAt(instance, sessionDue.plusSeconds(60), null)).isFalse();
    }
}

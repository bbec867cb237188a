package org.gridcase.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.notification.NotificationLog;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * The escalation ladder (EscalationLadder.dmn: warning at 80 % of the limit, escalation at the limit, red card at
 * twice the limit), shown by moving the engine's clock: each rung's timer becomes due exactly at its
 * working-time instant, and reaching it is recorded on the case and told to the right group.
 */
class EscalationLadderTests extends ProcessTestSupport {

    @Autowired
    CaseQueries cases;

    @Autowired
    NotificationLog notifications;

    @Autowired
    HistoryService history;

    EscalationLadderTests() {
        super("991101", 38.0, 108.0, THURSDAY_TEN);
    }

    @Test
    void warnsTheDepartmentEscalatesToTheStreetAndShowsARedCardForALateCheckIn() {
        // given: a whistle at 10:00; check-in within 2 working hours
        ProcessInstance instance = whistled("TRAFFIC.BUS_BLOCKING", List.of("jiaojing"));

        // when / then: 80 % of 2 working hours = 96 minutes
        fireAt(instance, "BoundaryEvent_CheckInWarning", "2025-10-16T11:36:00+08:00");
        execute(job("Task_WarnCheckIn"));
        assertThat(rungs(instance)).containsExactly("CHECK_IN WARNING jiaojing dept-jiaojing");

        // at the limit: late, escalated to the street
        fireAt(instance, "BoundaryEvent_CheckInOverdue", "2025-10-16T12:00:00+08:00");
        execute(job("Task_RecordLateCheckIn"));
        assertThat(rungs(instance)).endsWith("CHECK_IN ESCALATION jiaojing street-" + d.street());

        // twice the limit, 4 working hours, across lunch: 16:00
        fireAt(instance, "BoundaryEvent_CheckInRedCard", "2025-10-16T16:00:00+08:00");
        execute(job("Task_IssueCheckInRedCard"));
        assertThat(rungs(instance)).endsWith("CHECK_IN RED_CARD jiaojing leaders");
        assertThat(found(instance, "jiaojing", CaseFlag.ESCALATED, CaseFlag.OVERDUE)).as("auditors find it").isTrue();
        assertThat(found(instance, "jiaojing", CaseFlag.REOPENED)).isFalse();
        assertThat(found(instance, "wuye", CaseFlag.ESCALATED)).as("another department").isFalse();
        assertThat(messages(instance)).contains("group:dept-jiaojing LADDER_WARNING",
                "group:street-" + d.street() + " LATE_CHECK_IN_STREET", "group:leaders LADDER_RED_CARD");
        assertThat(instance).isWaitingAt("Task_CheckIn");
    }

    @Test
    void aWhistleSummoningThreeDepartmentsEvaluatesTheCheckInLadderOnceAndGivesEachTheSameRungs() {
        ProcessInstance instance = reported("TRAFFIC.BUS_BLOCKING");
        long before = ladderEvaluations();

        complete(task("Task_BlowWhistle"), withVariables("departments", List.of("jiaojing", "gongjiao", "wuye"),
                "leadDepartment", "jiaojing"));

        // the decision's only input is the stage: one evaluation (and its history) serves the three (issue 11)
        assertThat(ladderEvaluations() - before).isEqualTo(1);
        List<Date> warnings = management.createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryEvent_CheckInWarning").list().stream().map(Job::getDuedate).toList();
        assertThat(warnings).hasSize(3).containsOnly(Date.from(OffsetDateTime.parse("2025-10-16T11:36:00+08:00")
                .toInstant()));
        assertThat(management.createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryEvent_CheckInRedCard").list()).hasSize(3).allSatisfy(job -> assertThat(
                        job.getDuedate()).isEqualTo(Date.from(OffsetDateTime.parse("2025-10-16T16:00:00+08:00")
                                .toInstant())));
    }

    private long ladderEvaluations() {
        return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("EscalationLadder").count();
    }

    @Test
    void warnsTheLeadEscalatesToSupervisorsAndShowsARedCardForLateHandling() {
        // given: handling from Thursday 10:00 for 3 working days (21 working hours), due Tuesday 10:00
        ProcessInstance instance = whistled("TRAFFIC.BUS_BLOCKING", List.of("jiaojing"));
        complete(task("Task_CheckIn"), withVariables("checkInNote", "已到场"));
        continueAfterCheckIn(instance);
        assertThat(instance).isWaitingAt("Task_HandleOnSite");

        // 80 %: 16 h 48 min of working time: Thursday 5.5 h, Friday 7 h, Monday 3.5 h + 48 min
        fireAt(instance, "BoundaryEvent_HandlingWarning", "2025-10-20T14:48:00+08:00");
        execute(job("Task_WarnHandling"));
        assertThat(rungs(instance)).containsExactly("HANDLING WARNING jiaojing dept-jiaojing");

        // the limit: supervision by the district (the group is EscalationLadder.dmn's)
        fireAt(instance, "BoundaryEvent_HandlingOverdue", "2025-10-21T10:00:00+08:00");
        assertThat(task("Task_SuperviseOverdueCase")).hasCandidateGroup("supervisors");
        assertThat(rungs(instance)).endsWith("HANDLING ESCALATION jiaojing supervisors");

        // twice the limit: 42 working hours, Friday 24 October 10:00
        fireAt(instance, "BoundaryEvent_HandlingRedCard", "2025-10-24T10:00:00+08:00");
        execute(job("Task_IssueHandlingRedCard"));
        assertThat(rungs(instance)).endsWith("HANDLING RED_CARD jiaojing leaders");
        assertThat(messages(instance)).contains("group:supervisors LADDER_ESCALATION", "group:leaders LADDER_RED_CARD");
        assertThat(instance).isWaitingAt("Task_HandleOnSite", "Task_SuperviseOverdueCase");
    }

    @Test
    void warnsTheGridAndEscalatesToTheStreetWhenTheResponseLimitPasses() {
        ProcessInstance instance = reported("PROPERTY.STAIRWELL_LIGHT");
        assertThat(instance).isWaitingAt("Task_HandleOnTheSpot");

        fireAt(instance, "BoundaryEvent_OnTheSpotWarning", "2025-10-16T11:36:00+08:00");
        execute(job("Task_WarnOnTheSpot"));
        fireAt(instance, "BoundaryEvent_OnTheSpotLimitPassed", "2025-10-16T12:00:00+08:00");

        assertThat(rungs(instance)).containsExactly("ON_THE_SPOT WARNING null grid-" + d.westGrid(),
                "ON_THE_SPOT ESCALATION null street-" + d.street());
        assertThat(instance).isWaitingAt("Task_BlowWhistle");
    }

    @Test
    void warnsTheStreetAndEscalatesToSupervisorsWhenTheWhistleIsNotBlownWithinAWorkingHour() {
        // given: a report for the street at 10:00; the whistle is due within 1 working hour (EscalationLadder.dmn)
        ProcessInstance instance = reported("TRAFFIC.BUS_BLOCKING");
        assertThat(instance).isWaitingAt("Task_BlowWhistle");
        assertThat(task("Task_BlowWhistle").getDueDate())
                .isEqualTo(Date.from(OffsetDateTime.parse("2025-10-16T11:00:00+08:00").toInstant()));
        assertThat(overdueNow(instance, "2025-10-16T10:59:00+08:00")).isFalse();
        assertThat(overdueNow(instance, "2025-10-16T11:01:00+08:00"))
                .as("past the whistle's limit, the case is overdue for the workbench and the district board").isTrue();

        // when / then: 80 % of the hour, the street is warned
        fireAt(instance, "BoundaryEvent_WhistleWarning", "2025-10-16T10:48:00+08:00");
        execute(job("Task_WarnWhistle"));
        assertThat(rungs(instance)).containsExactly("WHISTLE WARNING null street-" + d.street());

        // at the limit the district's supervisors are told, and the whistle stays the street's to blow
        fireAt(instance, "BoundaryEvent_WhistleOverdue", "2025-10-16T11:00:00+08:00");
        execute(job("Task_EscalateWhistle"));
        assertThat(rungs(instance)).endsWith("WHISTLE ESCALATION null supervisors");
        assertThat(messages(instance)).contains("group:street-" + d.street() + " LADDER_WARNING",
                "group:supervisors LADDER_ESCALATION");
        assertThat(instance).isWaitingAt("Task_BlowWhistle").hasPassed("EndEvent_WhistleWarned",
                "EndEvent_WhistleEscalated");
    }

    @Test
    void warnsTheDispatchersAndEscalatesWhenAReportIsNotPlacedByHandWithinTwoWorkingHours() {
        // given: a report outside every grid at 10:00; placing it by hand is due within 2 working hours
        ProcessInstance instance = report("MUNICIPAL.MANHOLE_COVER_MISSING", Urgency.URGENT, -10.0, -10.0);
        assertThat(instance).isWaitingAt("Task_PlaceReportByHand");
        assertThat(task("Task_PlaceReportByHand").getDueDate())
                .isEqualTo(Date.from(OffsetDateTime.parse("2025-10-16T12:00:00+08:00").toInstant()));
        assertThat(overdueNow(instance, "2025-10-16T11:59:00+08:00")).isFalse();
        assertThat(overdueNow(instance, "2025-10-16T12:01:00+08:00")).isTrue();

        // when / then: 96 minutes in, a warning; at the limit, the supervisors
        fireAt(instance, "BoundaryEvent_PlacementWarning", "2025-10-16T11:36:00+08:00");
        execute(job("Task_WarnPlacement"));
        fireAt(instance, "BoundaryEvent_PlacementOverdue", "2025-10-16T12:00:00+08:00");
        execute(job("Task_EscalatePlacement"));
        assertThat(rungs(instance)).containsExactly("PLACEMENT WARNING null dispatchers",
                "PLACEMENT ESCALATION null supervisors");
        assertThat(instance).isWaitingAt("Task_PlaceReportByHand");
    }

    @Test
    void givesAnEmergencyPlacedByHandFifteenMinutesOnTheClock() {
        // given: a gas leak outside every grid, reported on Saturday at 10:00, outside office hours
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-10-18T10:00:00+08:00").toInstant()));
        ProcessInstance instance = report("SAFETY.GAS_LEAK", Urgency.EMERGENCY, -10.0, -10.0);

        // then: due in 15 minutes on the clock, warned after 12
        assertThat(task("Task_PlaceReportByHand").getDueDate())
                .isEqualTo(Date.from(OffsetDateTime.parse("2025-10-18T10:15:00+08:00").toInstant()));
        fireAt(instance, "BoundaryEvent_PlacementWarning", "2025-10-18T10:12:00+08:00");
        fireAt(instance, "BoundaryEvent_PlacementOverdue", "2025-10-18T10:15:00+08:00");
        assertThat(instance).isWaitingAt("Task_PlaceReportByHand", "Task_WarnPlacement", "Task_EscalatePlacement");
    }

    /** The timer is not due a minute before the instant, is due at it, and then runs. */
    private void fireAt(ProcessInstance instance, String timer, String instant) {
        Date at = Date.from(OffsetDateTime.parse(instant).toInstant());
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(timer).singleResult();
        assertThat(job.getDuedate()).as("%s due", timer).isEqualTo(at);
        ClockUtil.setCurrentTime(new Date(at.getTime() - 60_000));
        assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).as("%s early", timer).isZero();
        ClockUtil.setCurrentTime(at);
        assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).as("%s at %s", timer, instant)
                .isEqualTo(1);
        execute(job);
    }

    private ProcessInstance reported(String category) {
        return opened(new NewCase(category, null, "测试诉求", "测试社区 1 号楼", null, null, d.westGrid(), null, null,
                Channel.GRID_WORKER, List.of()));
    }

    private ProcessInstance whistled(String category, List<String> departments) {
        ProcessInstance instance = reported(category);
        complete(task("Task_BlowWhistle"), withVariables("departments", departments,
                "leadDepartment", departments.get(0)));
        return instance;
    }

    /** Whether the workbench's 已超时 (CaseSearch.More.overdueNow) finds the case at that instant. */
    private boolean overdueNow(ProcessInstance instance, String instant) {
        Date before = ClockUtil.getCurrentTime();
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(instant).toInstant()));
        try {
            CaseSearch.More overdue = new CaseSearch.More(null, null, null, null, true, null, null, true, false, false,
                    false, null);
            return asAuditor(() -> cases.search(new CaseSearch(null, null, null, null, instance.getBusinessKey(),
                    null, Set.of(), overdue), PageRequest.of(0, 10))).getTotalElements() == 1;
        } finally {
            ClockUtil.setCurrentTime(before);
        }
    }

    private List<String> rungs(ProcessInstance instance) {
        return asAuditor(() -> cases.find(instance.getBusinessKey())).orElseThrow().escalations().stream()
                .map(e -> e.stage() + " " + e.rung() + " " + e.departmentCode() + " " + e.notifiedGroup())
                .toList();
    }

    private boolean found(ProcessInstance instance, String department, CaseFlag... flags) {
        return asAuditor(() -> cases.search(new CaseSearch(null, null, null, null, instance.getBusinessKey(),
                department, Set.of(flags)), PageRequest.of(0, 10))).getTotalElements() == 1;
    }

    private List<String> messages(ProcessInstance instance) {
        return notifications.about(instance.getBusinessKey()).stream()
                .map(m -> m.recipient() + " " + m.template()).toList();
    }
}

package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.casework.ProcessTestSupport;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The facts follow the real process, step by step, in the step's own transaction. */
class CaseFactsProcessTests extends ProcessTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FactBackfill backfill;

    @Autowired
    Evaluation evaluation;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    CaseFactsProcessTests() {
        super("996501", 66.0, 136.0, THURSDAY_TEN); // a square of the globe no other test district uses
    }

    @Test
    void keepsACaseHandledByDepartmentsFromReceiptToClosing() {
        // given: received
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        String number = instance.getBusinessKey();
        assertThat(fact(number)).containsEntry("street_code", d.street()).containsEntry("district_code", "996501")
                .containsEntry("category_group", "TRAFFIC").containsEntry("channel", "RESIDENT_APP")
                .containsEntry("dispatched", false).containsEntry("closed_at", null).containsEntry("on_time", null);

        // when: whistled, checked in one working hour later, resolved and rated
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");
        ClockUtil.setCurrentTime(Date.from(THURSDAY_TEN.plusHours(1).toInstant()));
        checkIn(instance, "jiaojing", "gongjiao");
        resolve();
        complete(task(), withVariables("resolution", "RESOLVED", "satisfaction", "BASICALLY_SATISFIED"));

        // then
        assertThat(fact(number)).containsEntry("dispatched", true).containsEntry("lead_department", "jiaojing")
                .containsEntry("on_time", true).containsEntry("resolution", "RESOLVED")
                .containsEntry("satisfaction", "BASICALLY_SATISFIED").containsEntry("reopen_count", 0);
        assertThat(fact(number).get("closed_at")).isNotNull();
        assertThat(checkIns(number)).extracting(r -> r.get("department_code") + " " + r.get("lead") + " "
                + r.get("on_time") + " " + r.get("working_minutes"))
                .containsExactlyInAnyOrder("jiaojing true true 60", "gongjiao false true 60");
    }

    @Test
    void leavesTheCaseFactAsItWasWhenAStepChangesNothingItHolds() {
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        String number = instance.getBusinessKey();
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");
        Object whistled = fact(number).get("updated_at");

        ClockUtil.setCurrentTime(Date.from(THURSDAY_TEN.plusHours(1).toInstant()));
        checkIn(instance, "jiaojing");

        // a check-in changes the case's check-in facts, not its own: its row is not rewritten
        assertThat(fact(number).get("updated_at")).isEqualTo(whistled);
        assertThat(checkIns(number)).extracting(r -> r.get("department_code") + " " + r.get("working_minutes"))
                .contains("jiaojing 60");
    }

    @Test
    void leavesTheCheckInsAStepDidNotChangeAsTheyWere() {
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        String number = instance.getBusinessKey();
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");
        Map<String, Object> summoned = rowIds(number);

        ClockUtil.setCurrentTime(Date.from(THURSDAY_TEN.plusHours(1).toInstant()));
        checkIn(instance, "jiaojing");
        Map<String, Object> oneCheckedIn = rowIds(number);
        assertThat(oneCheckedIn.get("gongjiao")).as("not checked in: untouched").isEqualTo(summoned.get("gongjiao"));
        assertThat(oneCheckedIn.get("jiaojing")).as("checked in: written anew").isNotEqualTo(summoned.get("jiaojing"));

        checkIn(instance, "gongjiao");
        resolve();
        assertThat(rowIds(number).get("jiaojing")).as("steps that changed nothing of it")
                .isEqualTo(oneCheckedIn.get("jiaojing"));
        assertThat(checkIns(number)).hasSize(2);
    }

    @Test
    void countsAClosingAfterAnApprovedExtensionOnTime() {
        // given: handling, its limit moved ten days on
        ProcessInstance instance = handling();
        OffsetDateTime proposed = THURSDAY_TEN.plusDays(10);
        complete(task(), withVariables("handlingOutcome", "EXTENSION_REQUESTED",
                "proposedDeadline", proposed.toString(), "extensionReason", "需协调公交线路调整"));
        complete(task(), withVariables("extensionApproved", true, "extensionDecisionNote", "同意"));

        // when: handled after the first limit would have passed, before the moved one
        ClockUtil.setCurrentTime(Date.from(THURSDAY_TEN.plusDays(8).toInstant()));
        resolve();
        complete(task(), withVariables("resolution", "RESOLVED", "satisfaction", "SATISFIED"));

        // then
        assertThat(fact(instance.getBusinessKey())).containsEntry("extension_count", 1).containsEntry("on_time", true);
    }

    @Test
    void countsAHandlingThatPassedItsLimitLateAndTheSupervision() {
        ProcessInstance instance = handling();
        execute(job("BoundaryEvent_HandlingOverdue"));
        complete(task("Task_SuperviseOverdueCase"), withVariables("supervisionNote", "请于今日内办结"));
        resolve();
        complete(task(), withVariables("resolution", "UNRESOLVED", "satisfaction", "UNSATISFIED",
                "returnVisitNote", "仍然堵路"));
        resolve();
        complete(task(), withVariables("resolution", "UNRESOLVED", "satisfaction", "UNSATISFIED",
                "returnVisitNote", "还是堵路"));
        resolve();
        complete(task(), withVariables("resolution", "PARTIALLY", "satisfaction", "NO_RESPONSE",
                "returnVisitNote", "部分车辆改道"));

        Map<String, Object> fact = fact(instance.getBusinessKey());
        String number = instance.getBusinessKey();
        Period days = evaluation.period("CUSTOM", null, "2025-10-16", "2025-10-31");
        Filters street = new Filters(d.street(), null, null, null);
        assertThat(asAuditor(() -> evaluation.casesBehind(Measure.CLOSED, null, days, street, null, null, 0, 50))
                .cases()).extracting(EvaluationViews.CaseRow::caseNumber).contains(number);
        assertThat(asAuditor(() -> evaluation.casesBehind(Measure.SOLVED_RATE, null, days, street, null, null, 0, 50))
                .cases()).extracting(EvaluationViews.CaseRow::caseNumber).doesNotContain(number);
        assertThat(asAuditor(() -> evaluation.casesBehind(Measure.SOLVED_RATE, "denominator", days, street, null,
                null, 0, 50)).cases()).extracting(EvaluationViews.CaseRow::caseNumber).contains(number);
        assertThat(fact).containsEntry("reopen_count", 2).containsEntry("supervision_count", 1)
                .containsEntry("escalation_count", 1).containsEntry("on_time", false)
                .containsEntry("resolution", "PARTIALLY").containsEntry("satisfaction", "NO_RESPONSE");
        assertThat(fact.get("closed_at")).isNotNull();
        // the rung kept with the department it was aimed at: the department table counts it against the lead
        assertThat(jdbc.queryForList("SELECT stage, rung, department_code FROM ladder_fact WHERE case_number = ?",
                number)).extracting(r -> r.get("stage") + " " + r.get("rung") + " " + r.get("department_code"))
                .containsExactly("HANDLING ESCALATION jiaojing");
    }

    @Test
    void marksACaseAtThePlaceOfAnEarlierOneOfItsCategoryARepeat() {
        ProcessInstance first = report("MUNICIPAL.STREET_LIGHT_OUT", Urgency.ROUTINE, d.lat0() + 0.002, d.lon0() + 0.002);
        ClockUtil.setCurrentTime(Date.from(THURSDAY_TEN.plusDays(3).toInstant()));
        ProcessInstance nearby = report("MUNICIPAL.STREET_LIGHT_OUT", Urgency.ROUTINE, d.lat0() + 0.0023,
                d.lon0() + 0.002); // about 33 m north
        ProcessInstance farther = report("MUNICIPAL.STREET_LIGHT_OUT", Urgency.ROUTINE, d.lat0() + 0.004,
                d.lon0() + 0.002); // about 220 m
        ProcessInstance otherKind = report("MUNICIPAL.ROAD_DAMAGE", Urgency.ROUTINE, d.lat0() + 0.002,
                d.lon0() + 0.002);

        assertThat(fact(nearby.getBusinessKey())).containsEntry("repeat_of", first.getBusinessKey());
        assertThat(fact(farther.getBusinessKey())).containsEntry("repeat_of", null);
        assertThat(fact(otherKind.getBusinessKey())).containsEntry("repeat_of", null);
        assertThat(fact(first.getBusinessKey())).containsEntry("repeat_of", null);
    }

    @Test
    void writesNoFactForAStepThatRolledBack() {
        // given: a case waiting for its return visit
        ProcessInstance instance = handling();
        resolve();
        String returnVisit = task().getId();

        // when: the return visit is completed in a transaction that then rolls back
        transactions.executeWithoutResult(status -> {
            tasks.complete(returnVisit, Map.of("resolution", "RESOLVED", "satisfaction", "SATISFIED"));
            status.setRollbackOnly();
        });

        // then: neither the case nor its facts moved
        assertThat(fact(instance.getBusinessKey())).containsEntry("closed_at", null).containsEntry("resolution", null);
        assertThat(task().getId()).isEqualTo(returnVisit);
    }

    @Test
    void backfillsTheFactsOfCasesThatHaveNone() {
        ProcessInstance instance = handling();
        String number = instance.getBusinessKey();
        jdbc.update("DELETE FROM checkin_fact WHERE case_number = ?", number);
        jdbc.update("DELETE FROM case_fact WHERE case_number = ?", number);

        backfill.run();
        backfill.run(); // again: the same rows

        assertThat(fact(number)).containsEntry("dispatched", true).containsEntry("lead_department", "jiaojing");
        assertThat(checkIns(number)).hasSize(2);
    }

    private ProcessInstance handling() {
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");
        checkIn(instance, "jiaojing", "gongjiao");
        return instance;
    }

    private Map<String, Object> fact(String number) {
        return jdbc.queryForMap("SELECT * FROM case_fact WHERE case_number = ?", number);
    }

    /** Each summoned department's check-in row id. */
    private Map<String, Object> rowIds(String number) {
        Map<String, Object> ids = new java.util.HashMap<>();
        checkIns(number).forEach(row -> ids.put((String) row.get("department_code"), row.get("id")));
        return ids;
    }

    private List<Map<String, Object>> checkIns(String number) {
        return jdbc.queryForList("SELECT * FROM checkin_fact WHERE case_number = ?", number);
    }
}

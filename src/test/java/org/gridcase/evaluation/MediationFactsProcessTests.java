package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.casework.ProcessTestSupport;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 化解率 from disputes run through the real processes (MediationProcess called from GridReportProcess): the
 * mediation facts follow each step, and the closed disputes count in the community's and the mediator's rate.
 */
class MediationFactsProcessTests extends ProcessTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Evaluation evaluation;

    MediationFactsProcessTests() {
        super("996503", 67.0, 137.0, THURSDAY_TEN); // a square of the globe no other test district uses
    }

    @Test
    void countsAPerformedAgreementAsResolvedAndGuidanceToTheCourtAsNot() {
        // given: two neighbour disputes mediated by the same team
        ProcessInstance performed = report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE);
        ProcessInstance mediation = calledMediation(performed);
        assessRoutineDispute(mediation);
        assertThat(fact(performed)).containsEntry("mediator", null).containsEntry("agreement_performed", false);
        assignCommunityMediator(mediation);
        recordSession(mediation, "CONTINUE", Map.of());
        recordSession(mediation, "AGREEMENT", Map.of());
        complete(task("Task_RecordAgreement", mediation), withVariables("agreementParties", "甲方：王某\n乙方：张某",
                "agreementFacts", "402 室下水管渗漏", "agreementTerms", "王某于 10 月 20 日前修复"));
        assertThat(fact(performed)).containsEntry("mediator", "邻里调解组").containsEntry("agreement_performed", false);
        execute(job("Event_FollowUpDue", mediation));
        complete(task("Task_FollowUpAgreement", mediation), withVariables("agreementPerformed", true,
                "followUpNote", "已修复"));

        ProcessInstance guided = report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE);
        ProcessInstance second = calledMediation(guided);
        assessRoutineDispute(second);
        assignCommunityMediator(second);
        recordSession(second, "NO_AGREEMENT", Map.of("noAgreementRoute", "GUIDED", "guidanceTo", "COURT",
                "guidanceReason", "赔偿金额分歧过大"));

        // when: both closed after the return visit
        close(performed);
        close(guided);

        // then: the facts, and October's figures for the district: one resolved of two closed, one guided
        assertThat(fact(performed)).containsEntry("agreement_performed", true).containsEntry("guided", false)
                .containsEntry("mediation_level", "COMMUNITY");
        assertThat(fact(guided)).containsEntry("agreement_performed", false).containsEntry("guided", true)
                .containsEntry("joint_mediation", false);
        Filters district = new Filters("996503", null, null, null);
        Period october = evaluation.period("MONTH", "2025-10-16", null, null);
        Map<Measure, Figure> f = asAuditor(() -> evaluation.overview(october, district)).figures().stream()
                .collect(Collectors.toMap(Figure::measure, x -> x));
        assertThat(f.get(Measure.MEDIATION_RATE)).extracting(Figure::numerator, Figure::denominator, Figure::value)
                .containsExactly(1L, 2L, 50.0);
        assertThat(f.get(Measure.GUIDED_DISPUTES).numerator()).isEqualTo(1L);
        assertThat(f.get(Measure.JOINT_MEDIATIONS).numerator()).isEqualTo(0L);
        var byMediator = asAuditor(() -> evaluation.breakdown(Dimension.MEDIATOR, october, district));
        assertThat(byMediator.rows()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("邻里调解组"));
        var byCommunity = asAuditor(() -> evaluation.breakdown(Dimension.COMMUNITY, october, district));
        assertThat(byCommunity.rows()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(d.community());
            assertThat(r.figures().stream().filter(x -> x.measure() == Measure.MEDIATION_RATE).findFirst()
                    .orElseThrow().value()).isEqualTo(50.0);
        });
    }

    private void close(ProcessInstance instance) {
        execute(job("Task_NotifyReporter", instance));
        execute(job("Event_RatingTimeElapsed", instance));
        complete(task("Task_ReturnVisit", instance), withVariables("resolution", "RESOLVED",
                "satisfaction", "SATISFIED"));
        assertThat(instance).isEnded();
    }

    private Map<String, Object> fact(ProcessInstance instance) {
        return jdbc.queryForMap("SELECT * FROM mediation_fact WHERE case_number = ?", instance.getBusinessKey());
    }

}

package org.gridcase.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.ProcessTestSupport;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GridReportProcess's Gateway_MediationChosen: a case the street was asked to whistle for turns out to be a
 * dispute between residents, and the dispatcher moves it into mediation (转矛盾纠纷调解) with a reason.
 */
class MediationByHandProcessTests extends ProcessTestSupport {

    private static final String REASON = "系 402 室漏水引起的邻里纠纷，需当事双方和物业公司协商";

    @Autowired
    CaseQueries cases;

    MediationByHandProcessTests() {
        super("995802", 58.5, 128.5, THURSDAY_TEN);
    }

    @Test
    void movesAWhistledLeakIntoMediationWithTheDispatchersReasonAndBackToTheReporterOnAgreement() {
        // given: a leak the grid could not settle on the spot reaches the street's whistle
        ProcessInstance instance = whistled("PROPERTY.WATER_LEAK");
        actAs("street.dispatcher");

        // when: the dispatcher finds it is a dispute between neighbours
        complete(task("Task_BlowWhistle", instance), withVariables("mediationChosen", true,
                "mediationReason", REASON));

        // then: the community mediates it; no department is summoned
        assertThat(instance).hasPassed("Gateway_MediationChosen", "Gateway_MediationMerge")
                .hasNotPassed("Gateway_ConsultationChosen", "SubProcess_CheckIn")
                .isWaitingAt("CallActivity_Mediation");
        ProcessInstance mediation = mediationOf(instance);
        assertThat(mediation).isWaitingAt("Task_AssessDispute");
        assertThat(task(mediation)).hasCandidateGroup("community-" + d.community());
        CaseDetails record = record(instance);
        assertThat(record.track()).isEqualTo("MEDIATION");
        assertThat(record.leadDepartment()).as("no department leads a mediated dispute; triage's proposal goes")
                .isNull();
        assertThat(record.status()).isEqualTo(CaseStatus.MEDIATING);
        assertThat(record.stages()).extracting(CaseDetails.Stage::status).containsSubsequence(CaseStatus.WHISTLED,
                CaseStatus.MEDIATING);
        assertThat(notes(instance)).filteredOn(c -> c.getFullMessage().startsWith("【转矛盾纠纷调解】"))
                .singleElement().satisfies(c -> {
                    assertThat(c.getFullMessage()).isEqualTo("【转矛盾纠纷调解】" + REASON);
                    assertThat(c.getUserId()).isEqualTo("street.dispatcher");
                });

        // and when the mediation ends in an agreement that is performed, the reporter is told as usual
        complete(task(mediation), withVariables("parties", "402 室业主王某；302 室业主张某", "riskLevel", "NORMAL",
                "mayTurnViolent", false, "mayTurnCollective", false));
        complete(task("Task_AssignMediator", mediation), withVariables("mediationLevel", "COMMUNITY",
                "mediatorName", "李调解员"));
        complete(task("Task_RecordSession", mediation), session("AGREEMENT"));
        complete(task("Task_RecordAgreement", mediation), withVariables("agreementParties", "甲方：王某\n乙方：张某",
                "agreementFacts", "402 室下水管渗漏", "agreementTerms", "王某于 10 月 20 日前更换下水管",
                "signedCopyLinks", ""));
        execute(job("Event_FollowUpDue", mediation));
        complete(task("Task_FollowUpAgreement", mediation), withVariables("agreementPerformed", true,
                "followUpNote", "已更换"));
        assertThat(instance).isWaitingAt("Task_NotifyReporter");
        execute(job("Task_NotifyReporter", instance));
        assertThat(instance).isWaitingAt("Gateway_RatingOrCall").hasNotPassed("Task_CheckIn");
        assertThat(record(instance).handlingResult()).isEqualTo("王某于 10 月 20 日前更换下水管");
    }

    @Test
    void refusesAMoveIntoMediationWithoutAReason() {
        ProcessInstance instance = whistled("PROPERTY.WATER_LEAK");

        assertThatThrownBy(() -> complete(task("Task_BlowWhistle", instance), withVariables("mediationChosen", true,
                "mediationReason", "  "))).hasMessageContaining("转调解理由");
        assertThatThrownBy(() -> complete(task("Task_BlowWhistle", instance), withVariables("mediationChosen", true,
                "mediationReason", REASON, "consultationMeeting", true))).hasMessageContaining("协商议事会");

        assertThat(instance).isWaitingAt("Task_BlowWhistle");
        assertThat(notes(instance)).noneMatch(c -> c.getFullMessage().startsWith("【转矛盾纠纷调解】"));
    }

    @Test
    void summonsDepartmentsAsBeforeWhenTheDispatcherDoesNotChooseMediation() {
        ProcessInstance instance = whistled("PROPERTY.WATER_LEAK");

        complete(task("Task_BlowWhistle", instance), withVariables("mediationChosen", false,
                "departments", List.of("wuye"), "leadDepartment", "wuye"));

        assertThat(instance).hasPassed("Gateway_MediationChosen", "Gateway_ConsultationChosen")
                .hasNotPassed("CallActivity_Mediation").isWaitingAt("Task_CheckIn");
        assertThat(record(instance).track()).isEqualTo("WHISTLE");
    }

    @Test
    void doesNotSendADisputeBackToTheCommunityOnceItAskedForTheStreetsJointMediation() {
        // given: the community's mediation failed and asked the street for joint mediation
        ProcessInstance instance = report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE);
        ProcessInstance mediation = mediationOf(instance);
        complete(task(mediation), withVariables("parties", "王某；张某", "riskLevel", "NORMAL",
                "mayTurnViolent", false, "mayTurnCollective", false));
        complete(task("Task_AssignMediator", mediation), withVariables("mediationLevel", "COMMUNITY",
                "mediatorName", "李调解员"));
        java.util.Map<String, Object> failed = session("NO_AGREEMENT");
        failed.put("noAgreementRoute", "JOINT_MEDIATION");
        failed.put("guidanceReason", "物业公司拒不到场");
        complete(task("Task_RecordSession", mediation), failed);
        assertThat(instance).isWaitingAt("Task_BlowWhistle");

        // when / then: the street cannot hand it back; it summons the departments
        assertThatThrownBy(() -> complete(task("Task_BlowWhistle", instance), withVariables("mediationChosen", true,
                "mediationReason", REASON))).hasMessageContaining("联合调解");
        complete(task("Task_BlowWhistle", instance), withVariables("departments", List.of("sifa", "wuye"),
                "leadDepartment", "sifa"));
        assertThat(instance).isWaitingAt("Task_CheckIn");
    }

    // --- steps -------------------------------------------------------------------------------------------------

    /** Reports the case and, if triage gives it to the grid first, lets the grid ask for a whistle. */
    private ProcessInstance whistled(String category) {
        ProcessInstance instance = report(category, Urgency.ROUTINE);
        if (tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_HandleOnTheSpot")
                .count() > 0) {
            complete(task("Task_HandleOnTheSpot", instance), withVariables("handledOnTheSpot", false,
                    "onTheSpotNote", "楼上漏水，双方争执，需街道协调"));
        }
        assertThat(instance).isWaitingAt("Task_BlowWhistle");
        return instance;
    }

    private ProcessInstance mediationOf(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
    }

    private static java.util.Map<String, Object> session(String outcome) {
        return withVariables("sessionDate", "2025-10-16T15:00:00+08:00", "sessionPlace", "社区调解室",
                "partiesPresent", "王某、张某", "sessionMethod", "现场勘查", "sessionStatements", "张某称顶棚受损",
                "sessionAgreed", "王某更换下水管", "nextStep", "", "sessionOutcome", outcome);
    }

    private List<Comment> notes(ProcessInstance instance) {
        return tasks.getProcessInstanceComments(instance.getId());
    }

    private CaseDetails record(ProcessInstance instance) {
        return asAuditor(() -> cases.find(instance.getBusinessKey())).orElseThrow();
    }
}

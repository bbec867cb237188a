package org.gridcase.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.LadderRung;
import org.gridcase.casework.LadderStage;
import org.gridcase.casework.ProcessTestSupport;
import org.gridcase.notification.NotificationLog;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MediationProcess.bpmn, called from GridReportProcess for disputes: every path and every timer, on the real
 * delegates and PostgreSQL.
 */
class MediationProcessTests extends ProcessTestSupport {

    @Autowired
    CaseQueries cases;

    @Autowired
    NotificationLog notifications;

    @Autowired
    MediationRecords records;

    @Autowired
    AgreementPdf agreementPdf;

    @Autowired
    JdbcTemplate jdbc;

    MediationProcessTests() {
        super("995801", 58.0, 128.0, THURSDAY_TEN);
    }

    // --- the route from triage and back ----------------------------------------------------------------------

    @Test
    void mediatesANeighbourDisputeToAnAgreementThatIsPerformedAndTellsTheReporter() {
        // given: a neighbour dispute, triaged into mediation
        ProcessInstance instance = report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE);
        assertThat(instance).isWaitingAt("CallActivity_Mediation");
        ProcessInstance mediation = mediationOf(instance);
        assertThat(mediation).isWaitingAt("Task_AssessDispute");
        assertThat(task(mediation)).hasCandidateGroup("community-" + d.community());
        assertThat(formIdOf(task(mediation))).isEqualTo("AssessDisputeForm");

        // when: assessed, a mediator confirmed, three sessions, an agreement, performed at the follow-up
        assess(mediation, "NORMAL", false, false);
        assertThat(mediation).hasNotPassed("Task_AlertHighRisk");
        assignMediator(mediation);
        session(mediation, "CONTINUE");
        session(mediation, "CONTINUE");
        session(mediation, "AGREEMENT");
        assertThat(mediation).isWaitingAt("Task_RecordAgreement");
        assertThat(formIdOf(task(mediation))).isEqualTo("RecordAgreementForm");
        recordAgreement(mediation);
        assertThat(mediation).isWaitingAt("Event_FollowUpDue");
        execute(job("Event_FollowUpDue", mediation));
        assertThat(formIdOf(task(mediation))).isEqualTo("FollowUpAgreementForm");
        assertThat(task(mediation)).hasCandidateGroup("community-" + d.community());
        complete(task(mediation), withVariables("agreementPerformed", true, "followUpNote", "已更换 402 室下水管，302 室顶棚已修复"));

        // then: the mediation ended performed; the main process tells the reporter the terms, as for any case
        assertThat(mediation).hasPassedInOrder("Task_AssessDispute", "Task_ProposeMediator", "Task_AssignMediator",
                "Task_RecordSession", "Task_RecordAgreement", "Event_FollowUpDue", "Task_FollowUpAgreement",
                "EndEvent_AgreementPerformed").isEnded();
        assertThat(instance).hasPassed("Gateway_MediationOutcome").hasNotPassed("Task_BlowWhistle");
        execute(job("Task_NotifyReporter", instance));
        assertThat(instance).isWaitingAt("Gateway_RatingOrCall");
        CaseDetails record = record(instance);
        assertThat(record.track()).isEqualTo("MEDIATION");
        assertThat(record.stages()).extracting(CaseDetails.Stage::status).contains(CaseStatus.MEDIATING,
                CaseStatus.FEEDBACK);
        assertThat(notifications.about(record.caseNumber())).filteredOn(m -> m.template()
                .equals("REPORTER_FEEDBACK")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("物业公司于 10 月 20 日前更换 402 室下水管"));
        MediationView view = records.of(record.caseNumber()).orElseThrow();
        assertThat(view.assessment().riskLabel()).isEqualTo("一般");
        assertThat(view.assessment().mediatorName()).isEqualTo("李调解员");
        assertThat(view.sessions()).extracting(MediationView.Session::outcome)
                .containsExactly("CONTINUE", "CONTINUE", "AGREEMENT");
        assertThat(view.agreements()).singleElement().satisfies(a -> {
            assertThat(a.performed()).isTrue();
            assertThat(a.followUpNote()).contains("已更换");
        });
    }

    @Test
    void sendsADisputeWithoutAgreementToTheStreetsJointMediation() {
        // given
        ProcessInstance instance = report("DISPUTE.PROPERTY_SERVICE", Urgency.ROUTINE);
        ProcessInstance mediation = mediationOf(instance);
        assess(mediation, "SERIOUS", false, false);
        assignMediator(mediation);

        // when: the session fails and the mediator asks the street for joint mediation
        complete(task("Task_RecordSession", mediation), with(sessionVariables("NO_AGREEMENT"),
                "noAgreementRoute", "JOINT_MEDIATION", "guidanceReason", "物业公司拒不到场"));

        // then: the main process's whistle: the street summons the departments concerned, who check in
        assertThat(mediation).hasPassed("EndEvent_JointMediationRequested").isEnded();
        assertThat(instance).isWaitingAt("Task_BlowWhistle");
        assertThat(task(instance)).hasCandidateGroup("street-" + d.street());
        whistle(List.of("sifa", "wuye"), "sifa");
        assertThat(instance).isWaitingAt("Task_CheckIn");
    }

    @Test
    void closesADisputeWithGuidanceToTheCourtAndTellsTheReporterWhy() {
        // given
        ProcessInstance instance = report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE);
        ProcessInstance mediation = mediationOf(instance);
        assess(mediation, "NORMAL", false, false);
        assignMediator(mediation);

        // when
        complete(task("Task_RecordSession", mediation), with(sessionVariables("NO_AGREEMENT"),
                "noAgreementRoute", "GUIDED", "guidanceTo", "COURT", "guidanceReason", "双方对赔偿金额分歧过大"));

        // then
        assertThat(mediation).hasPassed("EndEvent_Guided").isEnded();
        assertThat(instance).hasNotPassed("Task_BlowWhistle");
        execute(job("Task_NotifyReporter", instance));
        String caseNumber = instance.getBusinessKey();
        assertThat(notifications.about(caseNumber)).filteredOn(m -> m.template().equals("REPORTER_FEEDBACK"))
                .singleElement().satisfies(m -> assertThat(m.text()).contains("诉讼").contains("分歧过大"));
        assertThat(records.of(caseNumber).orElseThrow().sessions()).singleElement()
                .satisfies(s -> assertThat(s.guidanceTo()).isEqualTo("COURT"));
    }

    // --- risk --------------------------------------------------------------------------------------------------

    @Test
    void alertsTheStreetAndThePoliceStationAtOnceWhenADisputeIsMajor() {
        // given
        ProcessInstance instance = report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE);
        ProcessInstance mediation = mediationOf(instance);

        // when
        assess(mediation, "MAJOR", false, false);
        execute(job("Task_AlertHighRisk", mediation));

        // then: both told, the case flagged, and the street's mediation committee proposed
        assertThat(notifications.about(instance.getBusinessKey())).filteredOn(m -> !m.recipient().startsWith("reporter:"))
                .extracting(m -> m.recipient() + " " + m.template())
                .containsExactly("group:street-" + d.street() + " HIGH_RISK_DISPUTE",
                        "group:dept-paichusuo HIGH_RISK_DISPUTE");
        assertThat(notifications.about(instance.getBusinessKey())).filteredOn(m -> !m.recipient().startsWith("reporter:"))
                .allSatisfy(m -> assertThat(m.text()).contains("重大").contains("402 室业主").contains("邻里纠纷")
                        .doesNotContain("null"));
        assertThat(records.of(instance.getBusinessKey()).orElseThrow().assessment().highRisk()).isTrue();
        assertThat(mediation).isWaitingAt("Task_AssignMediator");
        assertThat(runtime.getVariable(mediation.getId(), "mediationLevel")).isEqualTo("STREET");
    }

    @Test
    void treatsADisputeThatCouldTurnViolentAsHighRiskWhateverItsLevel() {
        // given
        ProcessInstance instance = report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE);
        ProcessInstance mediation = mediationOf(instance);

        // when
        assess(mediation, "NORMAL", true, false);

        // then
        assertThat(mediation).isWaitingAt("Task_AlertHighRisk");
        execute(job("Task_AlertHighRisk", mediation));
        assertThat(notifications.about(instance.getBusinessKey())).filteredOn(m -> !m.recipient().startsWith("reporter:"))
                .allSatisfy(m -> assertThat(m.text()).contains("暴力冲突"));
        assertThat(runtime.getVariable(mediation.getId(), "mediationLevel")).isEqualTo("COMMUNITY");
    }

    @Test
    void proposesTheTeamWithTheProposedSpecialityThatHasTheFewestOpenMediations() {
        // given: two plumbing teams in the community, the first already mediating a leak
        team("t995801-a", "甲水电调解小组", "PLUMBING");
        team("t995801-b", "乙水电调解小组", "PLUMBING");
        team("t995801-c", "丙心理疏导调解小组", "COUNSELLING");
        ProcessInstance first = mediationOf(report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE));
        assess(first, "NORMAL", false, false);
        assertThat(runtime.getVariable(first.getId(), "mediatorName")).isEqualTo("甲水电调解小组");
        complete(task("Task_AssignMediator", first), withVariables("mediationLevel", "COMMUNITY",
                "mediatorName", "甲水电调解小组"));

        // when
        ProcessInstance second = mediationOf(report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE));
        assess(second, "NORMAL", false, false);

        // then
        assertThat(runtime.getVariable(second.getId(), "mediatorName")).isEqualTo("乙水电调解小组");
        assertThat((String) runtime.getVariable(second.getId(), "proposedTeam")).contains("水电维修", "刘师傅");
        assertThat(runtime.getVariable(second.getId(), "proposedSpecialityLabel")).isEqualTo("水电维修");
    }

    // --- follow-up -------------------------------------------------------------------------------------------

    @Test
    void reopensTheSessionsWhenTheAgreementIsBroken() {
        // given
        ProcessInstance instance = report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE);
        ProcessInstance mediation = mediationOf(instance);
        assess(mediation, "NORMAL", false, false);
        assignMediator(mediation);
        session(mediation, "AGREEMENT");
        recordAgreement(mediation);
        execute(job("Event_FollowUpDue", mediation));

        // when
        complete(task(mediation), withVariables("agreementPerformed", false, "followUpNote", "物业公司未按期维修"));

        // then: sessions again, under a new limit; the broken agreement stays on the record
        assertThat(mediation).isWaitingAt("Task_RecordSession");
        assertThat(task(mediation)).hasCandidateGroup("community-" + d.community());
        assertThat(records.of(instance.getBusinessKey()).orElseThrow().agreements()).singleElement()
                .satisfies(a -> assertThat(a.performed()).isFalse());
        assertThat(instance).isWaitingAt("CallActivity_Mediation");
    }

    @Test
    void followsUpTheAgreementTenWorkingDaysAfterItIsSigned() {
        // given
        ProcessInstance instance = report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE);
        ProcessInstance mediation = mediationOf(instance);
        assess(mediation, "NORMAL", false, false);
        assignMediator(mediation);
        session(mediation, "AGREEMENT");

        // when
        recordAgreement(mediation);

        // then: Thursday 16 October 10:00 plus ten working days
        Job followUp = job("Event_FollowUpDue", mediation);
        assertThat(followUp.getDuedate()).isEqualTo(at("2025-10-30T10:00:00+08:00"));
    }

    @Test
    void tellsTheReporterOfTheAgreementWhenItIsSignedAndByWhenItsPerformanceIsChecked() {
        // given: three sessions, the third reaching an agreement
        ProcessInstance instance = report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE);
        ProcessInstance mediation = mediationOf(instance);
        assess(mediation, "NORMAL", false, false);
        assignMediator(mediation);
        session(mediation, "CONTINUE");
        session(mediation, "CONTINUE");
        session(mediation, "AGREEMENT");
        assertThat(notifications.about(instance.getBusinessKey()))
                .noneMatch(m -> m.template().equals("REPORTER_AGREEMENT_REACHED"));

        // when
        recordAgreement(mediation);

        // then: told at once, with the terms and the follow-up's day (Thursday 16 October plus ten working days)
        assertThat(mediation).hasPassedInOrder("Task_RecordAgreement", "Task_NotifyReporterOfAgreement")
                .isWaitingAt("Event_FollowUpDue");
        assertThat(notifications.about(instance.getBusinessKey())).filteredOn(m -> m.template()
                .equals("REPORTER_AGREEMENT_REACHED")).singleElement().satisfies(m -> {
                    assertThat(m.recipient()).isEqualTo("reporter:13900001111");
                    assertThat(m.text()).contains(instance.getBusinessKey()).contains("邻里纠纷").contains("达成协议")
                            .contains("物业公司于 10 月 20 日前更换 402 室下水管").contains("10 月 30 日前回访")
                            .doesNotContain("null").doesNotContain("{");
                });
        assertThat(job("Event_FollowUpDue", mediation).getDuedate()).isEqualTo(at("2025-10-30T10:00:00+08:00"))
                .isEqualTo(runtime.getVariable(mediation.getId(), "followUpDue"));

        // and the feedback and the rating after the follow-up stay as they were
        execute(job("Event_FollowUpDue", mediation));
        complete(task(mediation), withVariables("agreementPerformed", true, "followUpNote", "已修复"));
        execute(job("Task_NotifyReporter", instance));
        assertThat(instance).isWaitingAt("Gateway_RatingOrCall");
        assertThat(notifications.about(instance.getBusinessKey())).filteredOn(m -> m.recipient()
                .startsWith("reporter:")).extracting(m -> m.template())
                .containsExactly("REPORTER_RECEIVED", "REPORTER_AGREEMENT_REACHED", "REPORTER_FEEDBACK");
    }

    // --- the mediation's limit -------------------------------------------------------------------------------

    @Test
    void warnsTheMediatorAndThenEscalatesToTheStreetWhileSessionsGoOn() {
        // given
        ProcessInstance instance = report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE);
        ProcessInstance mediation = mediationOf(instance);
        assess(mediation, "NORMAL", false, false);
        assignMediator(mediation);
        Job warning = timer(mediation, "BoundaryEvent_MediationWarning");
        Job overdue = timer(mediation, "BoundaryEvent_MediationOverdue");
        assertThat(task(mediation).getDueDate()).isEqualTo(overdue.getDuedate());
        assertThat(warning.getDuedate()).isBefore(overdue.getDuedate());

        // when
        execute(warning);
        execute(job("Task_WarnMediation", mediation));
        execute(overdue);
        execute(job("Task_EscalateMediation", mediation));

        // then
        assertThat(notifications.about(instance.getBusinessKey())).filteredOn(m -> !m.recipient().startsWith("reporter:"))
                .extracting(m -> m.recipient() + " " + m.template())
                .containsExactly("group:community-" + d.community() + " LADDER_WARNING",
                        "group:street-" + d.street() + " LADDER_ESCALATION");
        assertThat(record(instance).escalations()).extracting(e -> e.stage() + " " + e.rung())
                .containsExactly(LadderStage.MEDIATION + " " + LadderRung.WARNING,
                        LadderStage.MEDIATION + " " + LadderRung.ESCALATION);
        assertThat(mediation).isWaitingAt("Task_RecordSession");
    }

    // --- the agreement as a PDF ------------------------------------------------------------------------------

    @Test
    void printsTheAgreementWithItsPartiesAndTermsAsText() throws IOException {
        // given
        ProcessInstance instance = report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE);
        ProcessInstance mediation = mediationOf(instance);
        assess(mediation, "NORMAL", false, false);
        assignMediator(mediation);
        session(mediation, "AGREEMENT");
        recordAgreement(mediation);
        MediationView view = records.of(instance.getBusinessKey()).orElseThrow();

        // when
        byte[] pdf = agreementPdf.render(view, view.agreements().get(0));

        // then
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("人民调解协议书").contains("402 室业主王某").contains("302 室业主张某")
                    .contains("物业公司于 10 月 20 日前更换 402 室下水管").contains("李调解员");
        }
    }

    // --- steps -------------------------------------------------------------------------------------------------

    private ProcessInstance mediationOf(ProcessInstance instance) {
        ProcessInstance mediation = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .singleResult();
        assertThat(mediation).isNotNull();
        assertThat(mediation.getBusinessKey()).isEqualTo(instance.getBusinessKey());
        return mediation;
    }

    private void assess(ProcessInstance mediation, String risk, boolean violent, boolean collective) {
        complete(task("Task_AssessDispute", mediation), withVariables("parties",
                "402 室业主王某；302 室业主张某；物业公司", "riskLevel", risk, "mayTurnViolent", violent,
                "mayTurnCollective", collective));
    }

    private void assignMediator(ProcessInstance mediation) {
        assertThat(mediation).isWaitingAt("Task_AssignMediator");
        assertThat(formIdOf(task(mediation))).isEqualTo("AssignMediatorForm");
        complete(task(mediation), withVariables("mediationLevel", runtime.getVariable(mediation.getId(),
                "mediationLevel"), "mediatorName", "李调解员"));
        assertThat(mediation).isWaitingAt("Task_RecordSession");
    }

    private void session(ProcessInstance mediation, String outcome) {
        assertThat(formIdOf(task("Task_RecordSession", mediation))).isEqualTo("RecordSessionForm");
        complete(task("Task_RecordSession", mediation), sessionVariables(outcome));
    }

    private static java.util.Map<String, Object> sessionVariables(String outcome) {
        return withVariables("sessionDate", "2025-10-16T15:00:00+08:00", "sessionPlace", "社区调解室",
                "partiesPresent", "王某、张某、物业公司", "sessionMethod", "现场勘查", "sessionStatements",
                "张某称 402 室漏水致顶棚受损", "sessionAgreed", "物业公司先行查明漏点", "nextStep", "三日后再议",
                "sessionOutcome", outcome);
    }

    private static java.util.Map<String, Object> with(java.util.Map<String, Object> base, Object... more) {
        java.util.Map<String, Object> all = new java.util.HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            all.put((String) more[i], more[i + 1]);
        }
        return all;
    }

    private void recordAgreement(ProcessInstance mediation) {
        complete(task("Task_RecordAgreement", mediation), withVariables(
                "agreementParties", "甲方：402 室业主王某\n乙方：302 室业主张某\n丙方：物业公司",
                "agreementFacts", "402 室卫生间下水管渗漏，致 302 室顶棚受损",
                "agreementTerms", "物业公司于 10 月 20 日前更换 402 室下水管；王某于 10 月 31 日前承担 302 室顶棚修复费用",
                "signedCopyLinks", "https://example.org/signed.jpg"));
    }

    private void team(String code, String name, String speciality) {
        jdbc.update("INSERT INTO registry_mediation_team (code, name, unit_code, speciality) VALUES (?, ?, ?, ?)",
                code, name, d.community(), speciality);
        jdbc.update("INSERT INTO registry_mediator (team_code, seq, name, role) VALUES (?, 0, '刘师傅', '志愿者')", code);
    }

    private Job timer(ProcessInstance mediation, String activityId) {
        return management.createJobQuery().processInstanceId(mediation.getId()).activityId(activityId).singleResult();
    }

    private static Date at(String time) {
        return Date.from(OffsetDateTime.parse(time).toInstant());
    }

    private String formIdOf(Task task) {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new ObjectMapper().readTree(form).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CaseDetails record(ProcessInstance instance) {
        return asAuditor(() -> cases.find(instance.getBusinessKey())).orElseThrow();
    }
}

package org.gridcase.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.casework.ProcessTestSupport;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A dispute mediated end to end (the neighbour leak: three sessions, an agreement signed with a photo of the signed
 * copy, performed at the follow-up, closed): the audit's timeline, replay and PDF show the called MediationProcess's
 * steps by their Chinese names, in time order within the call, and the agreement and its photo stay with the case.
 */
class MediationAuditTests extends ProcessTestSupport {

    static final String PHOTO_ID = "mediationAuditSigned01";

    @Autowired
    CaseReplay replay;

    @Autowired
    CaseTimeline timeline;

    @Autowired
    CaseReportPdf report;

    @Autowired
    JdbcTemplate jdbc;

    MediationAuditTests() {
        super("996701", 68.0, 138.0, THURSDAY_TEN); // a square of the globe no other test district uses
    }

    @BeforeEach
    void actAsStaff() {
        actAs("test.mediator");
    }

    @Test
    void replaysAndPrintsTheCalledMediationWithItsSessionsAndAgreement() throws Exception {
        // given: a dispute mediated to a performed agreement, and closed
        ProcessInstance instance = mediatedAndClosed();
        String caseNumber = instance.getBusinessKey();

        // when
        List<TimelineEvent> events = timeline.of(caseNumber);
        Replay replayed = replay.of(caseNumber);

        // then: the called process's steps, by name, between the call's start and its end
        List<String> steps = events.stream().filter(e -> e.kind().equals("ACTIVITY")).map(TimelineEvent::label)
                .toList();
        assertThat(steps).containsSubsequence("收到诉求", "诉求分拨", "矛盾纠纷调解", "纠纷初判", "推荐调解组织", "确定调解员",
                "调解记录", "调解记录", "调解记录", "制作调解协议书", "履行回访时间到", "履行回访", "协议已履行", "反馈诉求人",
                "回访", "办结");
        assertThat(steps.stream().filter("调解记录"::equals)).hasSize(3);
        assertThat(events).extracting(TimelineEvent::at).isSorted();
        assertThat(replayed.steps()).hasSameSizeAs(events);
        int session = indexOf(events, "调解记录");
        ReplayState during = replay.at(caseNumber, session);
        assertThat(during.activeActivities()).contains("CallActivity_Mediation");
        // and during the call, the called process's open task and its limit, by their names: not a gap
        int second = indexOf(events, "调解记录", session + 1);
        ReplayState betweenSessions = replay.at(caseNumber, second);
        assertThat(betweenSessions.openTasks()).extracting(ReplayState.OpenTask::name).contains("调解记录");
        assertThat(betweenSessions.timers()).extracting(ReplayState.PendingTimer::name).contains("调解预警");
        // what was said and agreed is in the timeline, as the mediator entered it
        assertThat(events).extracting(TimelineEvent::text).anySatisfy(t -> assertThat(t).contains("402 室漏水致顶棚受损"))
                .anySatisfy(t -> assertThat(t).contains("物业公司于 10 月 20 日前更换 402 室下水管"));

        byte[] pdf = report.render(caseNumber);
        Files.createDirectories(Path.of("target", "screenshots", "mediation"));
        Files.write(Path.of("target", "screenshots", "mediation", "audit-report.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(SearchableCjkText.of(pdf))) {
            String printed = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(printed).contains("纠纷初判", "确定调解员", "调解记录", "制作调解协议书", "履行回访",
                    "402室漏水致顶棚受损", "物业公司于10月20日前更换402室下水管");
        }
    }

    @Test
    void keepsTheSignedCopyAndTheMediationHistoryAsLongAsTheCase() {
        // given: a photo of the signed copy uploaded (unclaimed) before the agreement is recorded
        ProcessInstance instance = mediatedAndClosed();
        String caseNumber = instance.getBusinessKey();

        // then: the agreement's signed copy is the case's photo (the cleanup of unclaimed uploads leaves it alone)
        assertThat(jdbc.queryForMap("SELECT case_number, stage FROM photo WHERE id = ?", PHOTO_ID))
                .containsEntry("case_number", caseNumber).containsEntry("stage", "调解协议书");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mediation_agreement WHERE case_number = ?",
                Integer.class, caseNumber)).isEqualTo(1);
        // and the mediation's history is removed with the case's, not before: the same removal time as the root
        HistoricProcessInstance root = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult();
        HistoricProcessInstance mediation = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .superProcessInstanceId(instance.getId()).singleResult();
        assertThat(root.getRemovalTime()).isNotNull();
        assertThat(mediation.getRemovalTime()).isEqualTo(root.getRemovalTime());
        assertThat(mediation.getRootProcessInstanceId()).isEqualTo(instance.getId());
    }

    private ProcessInstance mediatedAndClosed() {
        jdbc.update("DELETE FROM photo WHERE id = ?", PHOTO_ID);
        jdbc.update("""
                INSERT INTO photo (id, content_type, size, width, height, created_at, uploaded_by)
                VALUES (?, 'image/jpeg', 1000, 800, 600, ?, 'test.mediator')""", PHOTO_ID,
                java.sql.Timestamp.from(Instant.now()));
        return mediateAndClose(engine, report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE),
                "https://gridcase.example.org/photos/" + PHOTO_ID + "\nhttps://elsewhere.example/x.jpg");
    }

    /**
     * The neighbour leak mediated (three sessions, an agreement with its signed copy's links, performed at the
     * follow-up) and the case closed: CaseArchiveTests archives such a case too.
     */
    static ProcessInstance mediateAndClose(ProcessEngine engine, ProcessInstance instance, String signedCopyLinks) {
        ProcessInstance mediation = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(instance.getId()).singleResult();
        tick();
        complete(task("Task_AssessDispute", mediation), withVariables("parties", "402 室业主王某；302 室业主张某；物业公司",
                "riskLevel", "NORMAL", "mayTurnViolent", false, "mayTurnCollective", false));
        tick();
        complete(task("Task_AssignMediator", mediation), withVariables("mediationLevel", "COMMUNITY",
                "mediatorName", "李调解员"));
        for (String outcome : List.of("CONTINUE", "CONTINUE", "AGREEMENT")) {
            tick();
            Map<String, Object> session = new HashMap<>(withVariables("sessionDate", "2025-10-16T15:00:00+08:00",
                    "sessionPlace", "社区调解室", "partiesPresent", "王某、张某、物业公司", "sessionMethod", "现场勘查",
                    "sessionStatements", "张某称 402 室漏水致顶棚受损", "sessionAgreed", "物业公司先行查明漏点"));
            session.putAll(withVariables("nextStep", "三日后再议", "sessionOutcome", outcome));
            complete(task("Task_RecordSession", mediation), session);
        }
        tick();
        complete(task("Task_RecordAgreement", mediation), withVariables(
                "agreementParties", "甲方：402 室业主王某\n乙方：302 室业主张某\n丙方：物业公司",
                "agreementFacts", "402 室卫生间下水管渗漏，致 302 室顶棚受损",
                "agreementTerms", "物业公司于 10 月 20 日前更换 402 室下水管",
                "signedCopyLinks", signedCopyLinks));
        execute(job("Event_FollowUpDue", mediation));
        tick();
        complete(task("Task_FollowUpAgreement", mediation), withVariables("agreementPerformed", true,
                "followUpNote", "已更换下水管"));
        execute(job("Task_NotifyReporter", instance));
        execute(job("Event_RatingTimeElapsed", instance));
        tick();
        complete(task("Task_ReturnVisit", instance), withVariables("resolution", "RESOLVED",
                "satisfaction", "SATISFIED"));
        assertThat(instance).isEnded();
        return instance;
    }

    private static int indexOf(List<TimelineEvent> events, String label) {
        return indexOf(events, label, 0);
    }

    private static int indexOf(List<TimelineEvent> events, String label, int from) {
        for (int i = from; i < events.size(); i++) {
            if (events.get(i).label().equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no step " + label);
    }

    /** Steps happen a minute apart, so each is its own instant in the history. */
    private static void tick() {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
    }
}

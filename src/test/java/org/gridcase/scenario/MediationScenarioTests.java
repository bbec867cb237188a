package org.gridcase.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.DemoDistrictTest;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The neighbour leak of the seeds, through the real APIs: water from flat 402 comes through the ceiling of 302;
 * the community mediates with the property company present, the parties sign an agreement at the third session,
 * and the follow-up confirms the repair.
 */
@DemoDistrictTest
class MediationScenarioTests {

    private static final String COMMUNITY = "610104007001"; // 牡丹庄园社区
    private static final String STAFF = "community.staff";

    @LocalServerPort
    int port;

    @Autowired
    UnitService units;

    @Autowired
    ProcessEngine engine;

    RestClient rest;

    @BeforeEach
    void client() {
        rest = new RestClient(port, engine);
    }

    @Test
    void aLeakFrom402Into302IsMediatedToASignedAgreementAndTheRepairIsConfirmed() throws Exception {
        // given: the resident of 302 reports the leak
        Point home = pointIn(COMMUNITY);
        RestClient.Answer opened = rest.post(null, "/api/cases", Map.of(
                "category", "DISPUTE.NEIGHBOUR",
                "description", "楼上 402 卫生间漏水，渗到我家 302 顶棚，多次沟通未果",
                "address", "牡丹庄园 3 号楼 2 单元 302",
                "lat", home.getY(), "lon", home.getX(),
                "reporterName", "张女士", "reporterPhone", "13800002302",
                "channel", "RESIDENT_APP"));
        assertThat(opened.status()).isEqualTo(201);
        String caseNumber = opened.body().get("caseNumber").asText();

        // then: while the case waits inside the mediation, the workbench's case page names its step and who holds it
        JsonNode page = rest.await(STAFF, "/api/workbench/cases/" + caseNumber,
                body -> body.path("openTasks").size() > 0);
        assertThat(page.get("openTasks").findValuesAsText("step")).containsExactly("纠纷初判");
        assertThat(page.get("standing").get("steps").toString()).contains("纠纷初判");
        assertThat(page.get("openTasks").get(0).get("tasklistUrl").asText()).isNotBlank();

        // when: the community assesses it, confirms the proposed mediator and mediates three times
        rest.completeTask(STAFF, caseNumber, "Task_AssessDispute", Map.of(
                "parties", "402 室业主王某；302 室业主张某；物业公司", "riskLevel", "NORMAL",
                "mayTurnViolent", false, "mayTurnCollective", false));
        rest.completeTask(STAFF, caseNumber, "Task_AssignMediator", Map.of(
                "mediationLevel", "COMMUNITY", "mediatorName", "赵雅琴"));
        session(caseNumber, "2025-10-16T15:00:00+08:00", "现场勘查", "CONTINUE", "物业公司查明 402 下水管接口渗漏");
        session(caseNumber, "2025-10-17T15:00:00+08:00", "换位思考", "CONTINUE", "王某同意维修，费用分担待议");
        session(caseNumber, "2025-10-20T15:00:00+08:00", "案例引导", "AGREEMENT", "三方就维修和赔偿达成一致");
        rest.completeTask(STAFF, caseNumber, "Task_RecordAgreement", Map.of(
                "agreementParties", "甲方：402 室业主王某\n乙方：302 室业主张某\n丙方：物业公司",
                "agreementFacts", "402 室卫生间下水管接口渗漏，致 302 室顶棚受损",
                "agreementTerms", "物业公司于 10 月 24 日前更换 402 室下水管；王某承担 302 室顶棚修复费用 800 元",
                "signedCopyLinks", "https://example.org/signed-agreement.jpg"));

        // then: the agreement prints for signature with its parties and terms
        String pdfText = pdfText(STAFF, "/api/cases/" + caseNumber + "/mediation/agreement.pdf");
        assertThat(pdfText).contains("人民调解协议书", "402 室业主王某", "302 室业主张某", "物业公司于 10 月 24 日前更换",
                "赵雅琴");

        // when: the follow-up falls due and the community finds the repair done
        fireFollowUp(caseNumber);
        rest.completeTask(STAFF, caseNumber, "Task_FollowUpAgreement", Map.of(
                "agreementPerformed", true, "followUpNote", "下水管已更换，302 顶棚已修复，双方满意"));

        // then: the record shows three sessions and a performed agreement; the case goes to the reporter's rating
        JsonNode mediation = rest.await(STAFF, "/api/cases/" + caseNumber + "/mediation",
                body -> body.get("agreements").get(0).get("performed").asBoolean(false));
        assertThat(mediation.get("sessions")).hasSize(3);
        assertThat(mediation.get("sessions").get(2).get("outcome").asText()).isEqualTo("AGREEMENT");
        assertThat(mediation.get("assessment").get("mediatorName").asText()).isEqualTo("赵雅琴");
        rest.completeTask(STAFF, caseNumber, "Task_ReturnVisit", Map.of(
                "resolution", "RESOLVED", "satisfaction", "SATISFIED", "returnVisitNote", "张女士表示满意"));
        rest.await(STAFF, "/api/cases/" + caseNumber, body -> "CLOSED".equals(body.get("status").asText()));
    }

    @Test
    void aCaseOutsideTheCallersScopeHasNoMediationToShow() {
        // a department that does not work on a case does not see that it exists
        assertThat(rest.get("dept.chengguan", "/api/cases/LHQ-20990101-0001/mediation").status()).isEqualTo(404);
    }

    private void session(String caseNumber, String at, String method, String outcome, String agreed) {
        rest.completeTask(STAFF, caseNumber, "Task_RecordSession", Map.of(
                "sessionDate", at, "sessionPlace", "牡丹庄园社区调解室",
                "partiesPresent", "王某、张某、物业公司李经理", "sessionMethod", method,
                "sessionStatements", "张某：顶棚发霉；王某：愿意维修；物业：可安排师傅", "sessionAgreed", agreed,
                "nextStep", "按约定推进", "sessionOutcome", outcome));
    }

    /** The follow-up timer waits ten working days: the test lets them pass. */
    private void fireFollowUp(String caseNumber) {
        ProcessInstance mediation = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).processDefinitionKey("MediationProcess").singleResult();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(mediation.getId())
                .activityId("Event_FollowUpDue").singleResult();
        engine.getManagementService().executeJob(timer.getId());
    }

    private String pdfText(String user, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + RestClient.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/pdf"));
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private Point pointIn(String communityCode) throws Exception {
        String boundary = units.list(UnitLevel.GRID, communityCode).get(0).boundary();
        return new WKTReader().read(boundary).getInteriorPoint();
    }
}

package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Locator;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.DemoDistrictTest;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The neighbour leak in the real Tasklist and on the workbench's case page, in headless Chromium: the community's
 * staff assess the dispute and confirm the proposed team in the Chinese forms, the session and agreement forms
 * are shown, and the case page shows the sessions, the agreement with its PDF and the follow-up.
 * Screenshots under target/screenshots/mediation/.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediationBrowserTests {

    private static final String STAFF = "community.staff";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    UnitService units;

    Chromium chromium;

    @BeforeAll
    void startBrowser() {
        chromium = new Chromium("mediation");
    }

    @AfterAll
    void stopBrowser() {
        chromium.close();
    }

    @Test
    void theCommunityMediatesALeakInTheTasklistAndTheCasePageShowsTheRecord() throws Exception {
        RestClient rest = new RestClient(port, engine);
        String caseNumber = reportALeak(rest);

        // the community's staff assess the dispute in the Tasklist
        Tasklist tasklist = new Tasklist(chromium.newPage(), port).logIn(STAFF);
        tasklist.openAndClaim(tasklist.filterListing("我的待办", caseNumber));
        Locator form = tasklist.form();
        assertThat(form).containsText("纠纷概要");
        assertThat(form).containsText("402 卫生间漏水");
        form.getByLabel("当事人").fill("402 室业主王某；302 室业主张某；牡丹庄园物业公司");
        form.getByText("较大", new Locator.GetByTextOptions().setExact(true)).click();
        chromium.screenshot(tasklist.page(), "1-assess-dispute");
        tasklist.complete();

        // the proposed team, by speciality and load, is confirmed
        tasklist.openAndClaim(tasklist.filterListing("我的待办", caseNumber));
        assertThat(tasklist.form()).containsText("推荐调解小组");
        assertThat(tasklist.form()).containsText("水电维修");
        assertThat(tasklist.form().getByLabel("调解小组或调解员")).hasValue("牡丹庄园社区水电调解小组");
        chromium.screenshot(tasklist.page(), "2-assign-mediator");
        tasklist.complete();

        // the session form (recorded here through the API, as the Tasklist would submit it)
        tasklist.openAndClaim(tasklist.filterListing("我的待办", caseNumber));
        assertThat(tasklist.form()).containsText("本次调解结果");
        chromium.screenshot(tasklist.page(), "3-record-session");
        for (String outcome : new String[] {"CONTINUE", "CONTINUE", "AGREEMENT"}) {
            rest.completeTask(STAFF, caseNumber, "Task_RecordSession", Map.of(
                    "sessionDate", "2025-10-16T15:00:00+08:00", "sessionPlace", "牡丹庄园社区调解室",
                    "partiesPresent", "王某、张某、物业公司", "sessionMethod", "现场勘查",
                    "sessionStatements", "张某：顶棚发霉；王某：愿意维修", "sessionAgreed", "物业查明漏点",
                    "nextStep", "三日后再议", "sessionOutcome", outcome));
        }
        tasklist.openAndClaim(tasklist.filterListing("我的待办", caseNumber));
        assertThat(tasklist.form()).containsText("协议内容");
        chromium.screenshot(tasklist.page(), "4-record-agreement");
        rest.completeTask(STAFF, caseNumber, "Task_RecordAgreement", Map.of(
                "agreementParties", "甲方：402 室业主王某\n乙方：302 室业主张某\n丙方：牡丹庄园物业公司",
                "agreementFacts", "402 室卫生间下水管接口渗漏，致 302 室顶棚受损",
                "agreementTerms", "物业公司于 10 月 24 日前更换 402 室下水管；王某承担 302 室顶棚修复费用 800 元",
                "signedCopyLinks", "https://example.org/signed-agreement.jpg"));

        // the case page shows the dispute's record
        Workbench page = new Workbench(tasklist.page(), port).open("/workbench/case.html?n=" + caseNumber);
        Locator mediation = page.page().locator("#mediation");
        assertThat(mediation).containsText("矛盾纠纷调解");
        assertThat(mediation).containsText("较大");
        assertThat(mediation).containsText("调解记录（3 次）");
        assertThat(mediation.locator("#mediation-agreements")).containsText("物业公司于 10 月 24 日前更换");
        assertThat(mediation.locator("#mediation-agreements")).containsText("待回访");
        assertThat(mediation.getByText("调解协议书 PDF")).isVisible();
        chromium.screenshot(page.page(), "5-case-page");
    }

    private String reportALeak(RestClient rest) throws Exception {
        String boundary = units.list(UnitLevel.GRID, "610104007001").get(0).boundary();
        Point home = new WKTReader().read(boundary).getInteriorPoint();
        RestClient.Answer opened = rest.post(null, "/api/cases", Map.of(
                "category", "DISPUTE.NEIGHBOUR",
                "description", "楼上 402 卫生间漏水，渗到我家 302 顶棚",
                "address", "牡丹庄园 3 号楼 2 单元 302",
                "lat", home.getY(), "lon", home.getX(),
                "reporterName", "张女士", "reporterPhone", "13800003302",
                "channel", "RESIDENT_APP"));
        org.assertj.core.api.Assertions.assertThat(opened.status()).isEqualTo(201);
        return opened.body().get("caseNumber").asText();
    }
}

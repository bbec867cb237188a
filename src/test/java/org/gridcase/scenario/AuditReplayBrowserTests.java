package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
 * An auditor finds a closed case, opens its replay in a real browser and steps back through it: the diagram is
 * drawn with the path taken, and each step shows the case as it then stood.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReplayBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    UnitService units;

    Chromium chromium;

    @BeforeAll
    void startBrowser() {
        chromium = new Chromium("audit");
    }

    @AfterAll
    void stopBrowser() {
        chromium.close();
    }

    @Test
    void anAuditorFindsAClosedCaseAndStepsThroughItsReplay() throws Exception {
        String caseNumber = closedCase();
        Page page = chromium.newPage("auditor", RestClient.PASSWORD);
        // the pages' Content-Security-Policy must not block anything they use (the diagram's own style sheet)
        List<String> refused = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(message.text());
            }
        });

        // finds it by number and by a part of its street's name; names, not codes, in the result
        page.navigate(url("/audit/"));
        page.getByLabel("工单编号（或开头）").fill(caseNumber);
        page.getByLabel("街道（名称或代码）").fill("红庙");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        Locator result = page.locator("#results tr", new Page.LocatorOptions().setHasText(caseNumber));
        assertThat(result).hasCount(1);
        assertThat(result).containsText("红庙坡街道");
        assertThat(result).containsText("莲湖交警大队");
        assertThat(result).not().containsText("610104006");
        assertThat(page.locator("#total")).hasText("共 1 件，第 1 / 1 页");
        assertThat(page.locator("#previous")).isDisabled();
        assertThat(page.locator("#next")).isDisabled();
        chromium.screenshot(page, "1-search");

        // a name that fits two streets is refused, naming the field, in Chinese
        page.getByLabel("街道（名称或代码）").fill("街道");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        assertThat(page.locator("#message")).containsText("对应多个街道");
        assertThat(page.locator("#message")).containsText("street");
        chromium.screenshot(page, "1b-search-ambiguous");
        page.getByLabel("街道（名称或代码）").fill("红庙坡街道");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        result.getByText("回放").click();

        // the diagram of the version it ran on, with the whole path, and the last step: closed
        assertThat(page.locator("#case-number")).hasText(caseNumber);
        assertThat(page.locator("#diagram svg")).isVisible();
        assertThat(page.locator("#diagram [data-element-id='EndEvent_CaseClosed']")).hasClass(
                Pattern.compile("taken"));
        assertThat(page.locator("#state")).containsText("已办结");
        // variables by their forms' labels, values in Chinese
        assertThat(page.locator("#state tr[data-variable='handlingOutcome']")).hasText("处置结果已办结");
        assertThat(page.locator("#state tr[data-variable='departments']")).hasText("召集部门莲湖交警大队");
        assertThat(page.locator("#state tr[data-variable='track']")).hasText("处置路径街道吹哨");
        assertThat(page.locator("#state tr[data-variable='streetCode']")).hasText("街道红庙坡街道");
        assertThat(page.locator("#state")).not().containsText("RESOLVED");
        // the timeline in Chinese, by name: who could take the whistle task, who took it
        Locator rows = page.locator("#step-rows");
        assertThat(rows).containsText("候选组：红庙坡街道");
        Locator claim = page.locator("#step-rows tr", new Page.LocatorOptions().setHasText("认领"))
                .filter(new Locator.FilterOptions().setHasText("街道吹哨"));
        assertThat(claim.first()).containsText("杨丽娟（hongmiao.dispatcher）");
        assertThat(rows).containsText("完成：现场处置");
        for (String raw : List.of("candidate", "Claim", "Complete", "street-", "dept-", "REPORTER_FEEDBACK",
                "userTask", "13800005678")) {
            assertThat(rows).not().containsText(raw);
        }
        // times in the district's zone, whatever the browser's
        String received = java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss")
                .withZone(java.time.ZoneId.of("Asia/Shanghai")).format(java.time.Instant.parse(
                        new RestClient(port, engine).get("auditor", "/api/audit/cases?number=" + caseNumber)
                                .body().get("content").get(0).get("receivedAt").asText()));
        assertThat(page.locator("#step-rows tr[data-step='0'] td").nth(1)).hasText(received);
        chromium.screenshot(page, "2-replay-closed");

        // back to the first step: only the receipt, nothing whistled yet
        page.locator("#first").click();
        assertThat(page.locator("#position")).hasText(Pattern.compile("^第 0 /"));
        assertThat(page.locator("#state")).containsText("已受理");
        assertThat(page.locator("#diagram [data-element-id='Task_BlowWhistle']")).not().hasClass(
                Pattern.compile("taken"));
        chromium.screenshot(page, "3-replay-first-step");

        // the step at which the case went to the street: the whistle task is where it stands
        Locator whistle = page.locator("#step-rows tr[data-kind='STAGE']",
                new Page.LocatorOptions().setHasText("街道吹哨"));
        whistle.first().click();
        assertThat(page.locator("#diagram [data-element-id='Task_BlowWhistle']")).hasClass(
                Pattern.compile("active"));
        assertThat(page.locator("#state")).containsText("状态街道吹哨");
        chromium.screenshot(page, "4-replay-whistle");

        // variable-only steps are skipped unless asked for: next never lands on one, and the ends are disabled
        assertThat(page.getByLabel("跳过仅变量变化的步骤")).isChecked();
        assertThat(page.locator("#step-rows tr[data-kind='VARIABLE']").first()).isHidden();
        for (int i = 0; i < 5; i++) {
            page.locator("#next").click();
            assertThat(page.locator("#step-rows tr.current")).not().hasAttribute("data-kind", "VARIABLE");
        }
        page.locator("#first").click();
        assertThat(page.locator("#previous")).isDisabled();
        page.locator("#last").click();
        assertThat(page.locator("#next")).isDisabled();
        page.getByLabel("跳过仅变量变化的步骤").uncheck();
        assertThat(page.locator("#step-rows tr[data-kind='VARIABLE']").first()).isVisible();
        assertThat(page.locator("#step-rows tr[data-kind='VARIABLE']").first()).containsText("变量：");
        assertThat(page.locator("#state")).containsText("状态已办结");
        chromium.screenshot(page, "5-replay-with-variable-steps");
        assertThat(page.locator("#message")).isEmpty();
        assertThat(refused).isEmpty();
    }

    @Test
    void staffWhoAreNotAuditorsCannotOpenTheReplay() {
        Page page = chromium.newPage("hongmiao.dispatcher", RestClient.PASSWORD);
        assertThat(page.navigate(url("/audit/replay.html?case=X")).status()).isEqualTo(403);
    }

    /** A bus-blocking case at Xiaobaiyang whistled to the traffic police alone, handled and closed. */
    private String closedCase() throws Exception {
        RestClient rest = new RestClient(port, engine);
        String boundary = units.list(UnitLevel.GRID, "610104006001").get(0).boundary();
        Point stop = new WKTReader().read(boundary).getInteriorPoint();
        String caseNumber = rest.post(null, "/api/cases", Map.of("category", "TRAFFIC.BUS_BLOCKING",
                "description", "公交车占道", "address", "小白杨公交站", "lat", stop.getY(), "lon", stop.getX(),
                "reporterName", "李先生", "reporterPhone", "13800005678", "channel", "RESIDENT_APP"))
                .body().get("caseNumber").asText();
        rest.completeTask("hongmiao.dispatcher", caseNumber, "Task_BlowWhistle", Map.of(
                "departments", List.of("jiaojing"), "leadDepartment", "jiaojing", "whistleNote", "请交警到场"));
        rest.completeTask("dept.jiaojing", caseNumber, "Task_CheckIn", Map.of("checkInNote", "已到场"));
        rest.completeTask("dept.jiaojing", caseNumber, "Task_HandleOnSite", Map.of(
                "handlingOutcome", "RESOLVED", "handlingResult", "已疏导"));
        rest.completeTask("cs.610104006001", caseNumber, "Task_ReturnVisit", Map.of(
                "resolution", "RESOLVED", "satisfaction", "SATISFIED", "returnVisitNote", "满意"));
        rest.await("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseNumber,
                found -> found.size() == 1 && "COMPLETED".equals(found.get(0).get("state").asText()));
        return caseNumber;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

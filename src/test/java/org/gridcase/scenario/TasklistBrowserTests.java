package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.gridcase.AsAuditor;
import org.gridcase.DemoDistrictTest;
import org.gridcase.casework.CaseQueries;
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
 * A day in the real Camunda Tasklist, in headless Chromium, as the demo staff of 土门街道 would have it: the grid
 * worker takes a new case from 我的待办 and asks for the street, the street dispatcher whistles two departments,
 * the city management bureau checks in, and once handling runs late a supervisor finds the case under 督办.
 * Every step's screenshot is kept under target/screenshots/tasklist/.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistBrowserTests {

    /** 牡丹庄园社区第一网格, the demo grid worker's grid. */
    static final String GRID = "610104007001001";

    /** Switching the language reloads the whole Tasklist: on a busy 2-core machine that took more than 5 s. */
    static final LocatorAssertions.IsVisibleOptions RELOADED =
            new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    UnitService units;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    CaseQueries cases;

    @Autowired
    IdentityService identity;

    Chromium chromium;
    RestClient rest;

    @BeforeAll
    void startBrowser() {
        chromium = new Chromium("tasklist");
    }

    @AfterAll
    void stopBrowser() {
        chromium.close();
    }

    @Test
    void aCaseGoesFromTheGridWorkerThroughTheStreetsWhistleToTheDepartmentsAndSupervision() throws Exception {
        rest = new RestClient(port, engine);
        String caseNumber = reportABrokenStairwellLight();

        // the grid worker, in a fresh browser, finds it under 我的待办 with its number, category and deadline
        Tasklist gridWorker = new Tasklist(chromium.newPage(), port).logIn("grid.worker");
        assertThat(gridWorker.filters()).containsText(new String[] {"我的任务", "我的待办", "本网格", "即将超时", "已超时",
                "吹哨报到", "督办"});
        Locator listed = gridWorker.filterListing("我的待办", caseNumber);
        assertThat(listed).containsText("即接即办 · " + caseNumber + " · 物业管理/楼道照明");
        assertThat(listed).containsText("工单编号");
        assertThat(listed).containsText("到期");
        chromium.screenshot(gridWorker.page(), "1-grid-worker-todo");

        // claims it and reads the case in Chinese: summary, reporter's words, deadline, working time left, notes
        gridWorker.openAndClaim(listed);
        Locator form = gridWorker.form();
        assertThat(form).containsText("诉求概要");
        assertThat(form).containsText("3号楼2单元楼道灯不亮");
        assertThat(form).containsText("剩余时间");
        assertThat(form).containsText("处置记录");
        assertThat(form.getByLabel("已在现场办结（不勾选则提请街道吹哨）")).not().isChecked();
        chromium.screenshot(gridWorker.page(), "2-grid-worker-form");

        // a missing note is refused in Chinese; then it goes to the street
        gridWorker.complete();
        assertThat(form.locator(".fjs-form-field-error").first()).containsText("此项为必填项");
        form.getByLabel("处理情况").fill("线路老化，需物业更换，提请街道协调");
        gridWorker.complete();
        assertThat(gridWorker.page().locator(".tasks-list > li.task", new Page.LocatorOptions().setHasText(caseNumber)))
                .hasCount(0);
        awaitStatus(caseNumber, "WHISTLED");
        chromium.screenshot(gridWorker.page(), "3-grid-worker-done");

        // the street dispatcher whistles the city management bureau (lead) and the housing bureau
        Tasklist street = new Tasklist(chromium.newPage(), port).logIn("street.dispatcher");
        street.openAndClaim(street.filterListing("吹哨报到", caseNumber));
        assertThat(street.form()).containsText("周小军（grid.worker）：【即接即办】线路老化");
        // triage proposed the property company; the street decides otherwise
        street.form().getByLabel("莲湖区城市管理和综合执法局").setChecked(true);
        street.form().getByLabel("莲湖区住房和城乡建设局").setChecked(true);
        street.form().getByLabel("牡丹庄园物业公司").setChecked(false);
        street.select("主办部门", "莲湖区城市管理和综合执法局");
        street.form().getByLabel("吹哨说明").fill("请城管、住建到场查看线路");
        chromium.screenshot(street.page(), "4-street-whistle");
        street.complete();
        JsonNode summoned = awaitStatus(caseNumber, "CHECKING_IN");
        assertThat(summoned.get("departments")).extracting(d -> d.get("code").asText() + (d.get("lead").asBoolean()
                ? " lead" : "")).containsExactlyInAnyOrder("chengguan lead", "zhujian");

        // the city management bureau checks in, seeing its own name on the form
        Tasklist chengguan = new Tasklist(chromium.newPage(), port).logIn("dept.chengguan");
        chengguan.openAndClaim(chengguan.filterListing("吹哨报到", caseNumber));
        assertThat(chengguan.form()).containsText("报到部门 莲湖区城市管理和综合执法局");
        chengguan.form().getByLabel("报到说明（到场人员、联系方式）").fill("城管执法队吴海涛已到场，电话 029-88880000");
        chromium.screenshot(chengguan.page(), "5-department-check-in");
        chengguan.complete();
        rest.await("street.dispatcher", "/api/cases/" + caseNumber, c -> c.get("departments").findValues("code")
                .stream().anyMatch(code -> code.asText().equals("chengguan")) && c.toString().contains("checkedInAt\":\"")
                && AsAuditor.read(identity, () -> cases.find(caseNumber)).orElseThrow().departments().stream()
                        .anyMatch(d -> "dept.chengguan".equals(d.checkedInBy())));

        // the housing bureau checks in too; handling starts, and its limit passes
        rest.completeTask("dept.zhujian", caseNumber, "Task_CheckIn", Map.of("checkInNote", "住建已到场"));
        awaitStatus(caseNumber, "HANDLING");
        String processInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(processInstance)
                .activityId("BoundaryEvent_HandlingOverdue").singleResult().getId());

        // a supervisor finds the overdue case under 督办
        Tasklist supervisor = new Tasklist(chromium.newPage(), port).logIn("supervisor");
        Locator supervision = supervisor.filterListing("督办", caseNumber);
        assertThat(supervision).containsText("督办 · " + caseNumber);
        chromium.screenshot(supervisor.page(), "6-supervisor-overdue");
    }

    @Test
    void staffMaySwitchToEnglishAndBack() {
        Tasklist tasklist = new Tasklist(chromium.newPage(), port).logIn("grid.leader");
        Page page = tasklist.page();
        assertThat(page.getByText("启动流程")).isVisible();

        page.locator("footer .gridcase-language").click();
        assertThat(page.getByText("Start process")).isVisible(RELOADED);
        chromium.screenshot(page, "7-english");

        page.locator("footer .gridcase-language").click();
        assertThat(page.getByText("启动流程")).isVisible(RELOADED);
    }

    /** A resident reports a dark stairwell in the grid worker's grid. */
    private String reportABrokenStairwellLight() throws Exception {
        Point inside = new WKTReader().read(units.list(UnitLevel.GRID, "610104007001").stream()
                .filter(grid -> grid.code().equals(GRID)).findFirst().orElseThrow().boundary()).getInteriorPoint();
        RestClient.Answer opened = rest.post(null, "/api/cases", Map.of("category", "PROPERTY.STAIRWELL_LIGHT",
                "description", "3号楼2单元楼道灯不亮，老人夜间上下楼不便", "address", "牡丹庄园3号楼2单元",
                "lat", inside.getY(), "lon", inside.getX(), "reporterName", "赵阿姨", "reporterPhone", "13700001234",
                "channel", "RESIDENT_APP"));
        assertThat(opened.status()).isEqualTo(201);
        String caseNumber = opened.body().get("caseNumber").asText();
        rest.await("grid.worker", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber, t -> t.size() == 1);
        return caseNumber;
    }

    private JsonNode awaitStatus(String caseNumber, String status) {
        return rest.await("street.dispatcher", "/api/cases/" + caseNumber,
                c -> status.equals(c.get("status").asText()));
    }
}

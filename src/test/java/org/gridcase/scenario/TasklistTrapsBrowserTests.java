package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.gridcase.DemoDistrictTest;
import org.gridcase.casework.RatingWindow;
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
 * The traps staff fell into in the Tasklist, each replayed in headless Chromium: cases are driven to the step
 * through the REST API, and the step that went wrong is done in the browser. Screenshots under
 * target/screenshots/tasklist-traps/.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistTrapsBrowserTests {

    static final String PHONE = "13700001234";

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

    Chromium chromium;
    RestClient rest;

    @BeforeAll
    void startBrowser() {
        chromium = new Chromium("tasklist-traps");
        rest = new RestClient(port, engine);
    }

    @AfterAll
    void stopBrowser() {
        chromium.close();
    }

    // --- 1. switching the handling outcome ------------------------------------------------------------------

    @Test
    void switchingTheOutcomeBackToResolvedLeavesNoHiddenFieldBlockingCompletion() {
        String caseNumber = handling("楼道灯不亮，切换处置结果");
        Tasklist department = tasklist("dept.chengguan");
        department.openAndClaim(department.filterListing("我的待办", caseNumber));
        Locator form = department.form();

        // the department starts on 申请延期 and 退单, touches their fields, and settles on 已办结
        form.getByLabel("申请延期").check();
        form.getByLabel("延期理由").fill("需要采购配件");
        form.getByLabel("延期理由").fill("");
        form.getByLabel("非本部门职责，退单").check();
        form.getByLabel("退单理由").fill("x");
        form.getByLabel("退单理由").fill("");
        form.getByLabel("已办结").check();
        form.getByLabel("办理结果").fill("已更换灯泡");
        chromium.screenshot(department.page(), "1-outcome-switched-back");

        assertThat(department.completeButton()).isEnabled();
        department.complete();
        assertThat(department.listed(caseNumber)).hasCount(0);
        rest.await("street.dispatcher", "/api/cases/" + caseNumber,
                c -> "RETURN_VISIT".equals(c.get("status").asText()) || "FEEDBACK".equals(c.get("status").asText()));
        assertThat(caseVariable(caseNumber, "handlingResult")).isEqualTo("已更换灯泡");
        assertThat(variable(caseNumber, "returnReason")).as("a hidden field's value is not submitted").isNull();
        assertThat(variable(caseNumber, "extensionReason")).isNull();
    }

    @Test
    void anOutcomeWithoutItsTextIsRefusedInChinese() {
        String caseNumber = handling("楼道灯不亮，退单不写理由");
        Tasklist department = tasklist("dept.chengguan");
        department.openAndClaim(department.filterListing("我的待办", caseNumber));
        department.form().getByLabel("非本部门职责，退单").check();
        department.complete();
        assertThat(department.page().locator(".notifications")).containsText("退单理由");
        chromium.screenshot(department.page(), "1-return-without-reason");
        department.form().getByLabel("退单理由").fill("属物业维修范围");
        department.complete();
        assertThat(department.listed(caseNumber)).hasCount(0);
    }

    // --- 2. a reopened case starts its round empty ------------------------------------------------------------

    @Test
    void aReopenedCaseOpensItsNextRoundEmptyWithThePreviousRoundAsHistory() {
        String caseNumber = handling("楼道灯不亮，回访不满意后重办");
        rest.completeTask("dept.chengguan", caseNumber, "Task_HandleOnSite",
                Map.of("handlingOutcome", "RESOLVED", "handlingResult", "第一轮：已更换灯泡"));
        rest.completeTask("community.staff", caseNumber, "Task_ReturnVisit", Map.of("resolution", "UNRESOLVED",
                "satisfaction", "UNSATISFIED", "returnVisitNote", "灯泡又坏了"));

        // the second handling starts empty and shows the first round as history
        Tasklist department = tasklist("dept.chengguan");
        department.openAndClaim(department.filterListing("我的待办", caseNumber));
        Locator form = department.form();
        assertThat(form).containsText("上一轮");
        assertThat(form).containsText("灯泡又坏了");
        assertThat(form.getByLabel("已办结")).not().isChecked();
        form.getByLabel("已办结").scrollIntoViewIfNeeded();
        chromium.screenshot(department.page(), "2-second-handling");
        form.getByLabel("已办结").check();
        assertThat(form.getByLabel("办理结果")).isEmpty();
        form.getByLabel("办理结果").fill("第二轮：更换线路");
        department.complete();
        assertThat(department.listed(caseNumber)).hasCount(0);

        // the second return visit starts empty too
        RatingWindow.letPass(engine, caseNumber); // the reporter does not rate: the community calls
        Tasklist community = tasklist("community.staff");
        community.openAndClaim(community.filterListing("我的待办", caseNumber));
        assertThat(community.form()).containsText("上一轮");
        assertThat(community.form().getByLabel("不满意")).not().isChecked();
        assertThat(community.form().getByLabel("未解决")).not().isChecked();
        assertThat(community.form().getByLabel("回访记录")).isEmpty();
        community.form().getByLabel("回访记录").scrollIntoViewIfNeeded();
        chromium.screenshot(community.page(), "2-second-return-visit");
        assertThat(rest.get("street.dispatcher", "/api/cases/" + caseNumber).body().get("reopenCount").asInt())
                .isEqualTo(1);
        assertThat(caseVariable(caseNumber, "handlingResult")).isEqualTo("第二轮：更换线路");
    }

    // --- 3 and 4. the return visit ---------------------------------------------------------------------------

    @Test
    void theReturnVisitShowsTheResultAndTheOnTheSpotNoteEachLabelledAndThePhoneToTheCommunity() {
        String caseNumber = handling("楼道灯不亮，回访");
        rest.completeTask("dept.chengguan", caseNumber, "Task_HandleOnSite",
                Map.of("handlingOutcome", "RESOLVED", "handlingResult", "已更换灯泡"));
        RatingWindow.letPass(engine, caseNumber); // the reporter does not rate: the community calls
        Tasklist community = tasklist("community.staff");
        community.openAndClaim(community.filterListing("我的待办", caseNumber));
        Locator form = community.form();
        assertThat(form).containsText("办理结果 已更换灯泡");
        assertThat(form).containsText("网格员即接即办说明 线路老化，提请街道");
        assertThat(form).not().containsText("已更换灯泡线路老化");
        assertThat(form).containsText("诉求人电话 " + PHONE);
        chromium.screenshot(community.page(), "3-return-visit");

        // others are shown the phone masked
        String task = rest.get("supervisor", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber)
                .body().get(0).get("id").asText();
        String variables = rest.get("supervisor", "/engine-rest/task/" + task + "/form-variables").body().toString();
        assertThat(variables).doesNotContain(PHONE).contains("137****1234");

        // 不满意 without a note is refused in the form, and by the server
        form.getByLabel("未解决").check();
        form.getByLabel("不满意").check();
        community.complete();
        assertThat(community.page().locator(".notifications")).containsText("回访记录");
        chromium.screenshot(community.page(), "4-unsatisfied-without-note");
        RestClient.Answer refused = rest.post("community.staff", "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("resolution", Map.of("value", "UNRESOLVED"),
                        "satisfaction", Map.of("value", "UNSATISFIED"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).contains("回访记录");
        form.getByLabel("回访记录").fill("居民说灯仍不亮");
        community.complete();
        assertThat(community.listed(caseNumber)).hasCount(0);
    }

    // --- 5. emergencies count on the clock --------------------------------------------------------------------

    @Test
    void anEmergencyCheckInCountsItsTimeLeftOnTheClock() {
        String caseNumber = report("SAFETY.ROAD_SUBSIDENCE", "小区门口路面塌陷，有车辆陷入");
        Tasklist department = tasklist("dept.zhujian");
        department.openAndClaim(department.filterListing("吹哨报到", caseNumber));
        assertThat(department.form()).containsText("剩余时间 剩余");
        assertThat(department.form()).containsText("分钟");
        assertThat(department.form()).not().containsText("工作时间");
        chromium.screenshot(department.page(), "5-emergency-check-in");
    }

    // --- 6. the whistle and placement by hand have limits -----------------------------------------------------

    @Test
    void theWhistleAndThePlacementByHandShowTheirLimits() {
        String whistle = whistling("楼道灯不亮，吹哨期限");
        Tasklist street = tasklist("street.dispatcher");
        street.openAndClaim(street.filterListing("吹哨报到", whistle));
        assertThat(street.form()).containsText("期限 20");
        assertThat(street.form()).not().containsText("无期限");
        chromium.screenshot(street.page(), "6-whistle-limit");

        RestClient.Answer unplaced = rest.post("hotline", "/api/cases", Map.of(
                "category", "MUNICIPAL.MANHOLE_COVER_MISSING", "description", "井盖缺失，位置不明",
                "address", "莲湖路某处", "lat", 10.0, "lon", 10.0,
                "reporterName", "钱先生", "reporterPhone", PHONE, "channel", "HOTLINE_12345"));
        assertThat(unplaced.status()).isEqualTo(201);
        String caseNumber = unplaced.body().get("caseNumber").asText();
        rest.await("street.dispatcher", "/engine-rest/task?taskDefinitionKey=Task_PlaceReportByHand"
                + "&processInstanceBusinessKey=" + caseNumber, t -> t.size() == 1);
        Tasklist dispatcher = tasklist("street.dispatcher");
        dispatcher.openAndClaim(dispatcher.filterListing("我的待办", caseNumber));
        assertThat(dispatcher.form()).containsText("期限 20");
        assertThat(dispatcher.form()).not().containsText("无期限");
        chromium.screenshot(dispatcher.page(), "6-placement-limit");
    }

    // --- 7. the lead is one of the departments summoned -------------------------------------------------------

    @Test
    void theLeadDropDownOffersOnlyTheDepartmentsTicked() {
        String caseNumber = whistling("楼道灯不亮，主办部门");
        Tasklist street = tasklist("street.dispatcher");
        street.openAndClaim(street.filterListing("吹哨报到", caseNumber));
        Locator form = street.form();
        for (Locator ticked : form.locator(".fjs-form-field-checklist input:checked").all()) {
            ticked.uncheck();
        }
        form.getByLabel("莲湖区城市管理和综合执法局").check();
        form.getByLabel("莲湖区住房和城乡建设局").check();
        form.locator(".fjs-form-field-select", new Locator.LocatorOptions().setHasText("主办部门"))
                .locator(".fjs-input-group").click();
        assertThat(form.locator(".fjs-dropdownlist-item")).hasText(new String[] {"莲湖区城市管理和综合执法局",
                "莲湖区住房和城乡建设局"});
        chromium.screenshot(street.page(), "7-lead-options");
    }

    // --- 8. 添加备注 works for the task's holder, and the comment is among the case's notes ------------------------

    @Test
    void theTasksHolderAddsACommentThatTheCasesNotesShow() {
        String caseNumber = handling("楼道灯不亮，添加备注");
        Tasklist department = tasklist("dept.chengguan");
        department.openAndClaim(department.filterListing("我的待办", caseNumber));
        department.page().getByText("添加备注", new Page.GetByTextOptions().setExact(true)).click();
        department.page().getByPlaceholder("输入备注").fill("已联系物业，明早带配件到场");
        chromium.screenshot(department.page(), "8-comment");
        department.page().locator(".modal-footer .btn-primary").click();
        assertThat(department.page().locator(".modal-content")).hasCount(0);
        assertThat(department.page().locator(".notifications")).not().containsText("备注无法保存");

        JsonNode notes = rest.await("street.dispatcher", "/api/cases/" + caseNumber + "/notes",
                n -> n.toString().contains("已联系物业，明早带配件到场"));
        assertThat(notes.toString()).contains("dept.chengguan");
        // a member of staff who does not hold the task still gets no history of it
        String task = rest.get("dept.chengguan", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber)
                .body().get(0).get("id").asText();
        assertThat(rest.post("grid.worker", "/engine-rest/task/" + task + "/comment/create",
                Map.of("message", "不该成功")).status()).isIn(400, 403, 404);
    }

    // --- 9. Chinese throughout, and / leads to the workbench --------------------------------------------------

    @Test
    void theSelectAndTheDatePickerSpeakChinese() {
        String caseNumber = handling("楼道灯不亮，延期");
        Tasklist department = tasklist("dept.chengguan");
        department.openAndClaim(department.filterListing("我的待办", caseNumber));
        department.form().getByLabel("申请延期").check();
        department.form().locator(".fjs-form-field-datetime input").first().click();
        Locator calendar = department.page().locator(".flatpickr-calendar.open");
        assertThat(calendar).isVisible();
        assertThat(calendar).containsText("一");
        assertThat(calendar).not().containsText("Sun");
        assertThat(department.form().locator("input[placeholder='mm/dd/yyyy']")).hasCount(0);
        chromium.screenshot(department.page(), "9-date-picker");

        String whistle = whistling("楼道灯不亮，请选择");
        Tasklist street = tasklist("street.dispatcher");
        street.openAndClaim(street.filterListing("吹哨报到", whistle));
        assertThat(street.form().locator("[placeholder='Select'], [placeholder='Search']")).hasCount(0);
        assertThat(street.form()).not().containsText("Select");
        chromium.screenshot(street.page(), "9-select");
    }

    @Test
    void theRootLeadsToTheWorkbench() throws Exception {
        HttpResponse<Void> root = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(root.statusCode()).isBetween(301, 308);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/workbench/");
    }

    // --- 10. traps fixed in the engine, guarded on screen -----------------------------------------------------

    @Test
    void theCheckInFormSaysWhoLeadsAndWhoAssists() {
        String caseNumber = whistling("楼道灯不亮，主办协办");
        rest.completeTask("street.dispatcher", caseNumber, "Task_BlowWhistle", Map.of(
                "departments", List.of("chengguan", "zhujian"), "leadDepartment", "chengguan"));
        Tasklist lead = tasklist("dept.chengguan");
        lead.openAndClaim(lead.filterListing("吹哨报到", caseNumber));
        assertThat(lead.form()).containsText("报到部门 莲湖区城市管理和综合执法局（主办）");
        chromium.screenshot(lead.page(), "10-check-in-lead");
        Tasklist assisting = tasklist("dept.zhujian");
        assisting.openAndClaim(assisting.filterListing("吹哨报到", caseNumber));
        assertThat(assisting.form()).containsText("报到部门 莲湖区住房和城乡建设局（协办）");
        chromium.screenshot(assisting.page(), "10-check-in-assisting");
    }

    @Test
    void aLateCheckInNoticeGivesTheLimitInChineseAndTheFeedbackEndsItsSentenceOnce() {
        String caseNumber = whistling("楼道灯不亮，报到超时");
        rest.completeTask("street.dispatcher", caseNumber, "Task_BlowWhistle", Map.of(
                "departments", List.of("chengguan"), "leadDepartment", "chengguan"));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        rest.await("dept.chengguan", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber, t -> t.size() == 1);
        management.executeJob(management.createJobQuery().processInstanceId(instance)
                .activityId("BoundaryEvent_CheckInOverdue").singleResult().getId());
        // the late check-in is recorded by a job: checking in at the same moment would lose the race (409)
        rest.await("street.dispatcher", "/api/cases/" + caseNumber + "/notifications",
                n -> n.toString().contains("LATE_CHECK_IN_STREET"));
        rest.completeTask("dept.chengguan", caseNumber, "Task_CheckIn", Map.of("checkInNote", "已到场"));
        rest.completeTask("dept.chengguan", caseNumber, "Task_HandleOnSite",
                Map.of("handlingOutcome", "RESOLVED", "handlingResult", "已更换灯泡。"));
        rest.await("street.dispatcher", "/api/cases/" + caseNumber + "/notifications",
                n -> n.toString().contains("已更换灯泡"));

        Page page = chromium.newPage("street.dispatcher", RestClient.PASSWORD);
        page.navigate("http://localhost:" + port + "/api/cases/" + caseNumber + "/notifications");
        assertThat(page.locator("body")).containsText("个工作");
        assertThat(page.locator("body")).not().containsText("working:");
        assertThat(page.locator("body")).containsText("已更换灯泡。");
        assertThat(page.locator("body")).not().containsText("已更换灯泡。。");
        chromium.screenshot(page, "10-notices");
    }

    /** A fresh browser logged in to the Tasklist; pages wait up to 30 s, as other builds share the machine. */
    private Tasklist tasklist(String user) {
        Page page = chromium.newPage();
        page.setDefaultTimeout(30_000);
        return new Tasklist(page, port).logIn(user);
    }

    // --- driving cases ---------------------------------------------------------------------------------------

    /** A resident's report in the demo grid worker's grid. */
    private String report(String category, String description) {
        try {
            Point inside = new WKTReader().read(units.list(UnitLevel.GRID, "610104007001").stream()
                    .filter(grid -> grid.code().equals(TasklistBrowserTests.GRID)).findFirst().orElseThrow()
                    .boundary()).getInteriorPoint();
            RestClient.Answer opened = rest.post("hotline", "/api/cases", Map.of("category", category,
                    "description", description, "address", "牡丹庄园3号楼2单元", "lat", inside.getY(),
                    "lon", inside.getX(), "reporterName", "赵阿姨", "reporterPhone", PHONE,
                    "channel", "RESIDENT_APP"));
            assertThat(opened.status()).isEqualTo(201);
            String caseNumber = opened.body().get("caseNumber").asText();
            rest.await("admin", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber, t -> t.size() > 0);
            return caseNumber;
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stairwell report that the grid worker passed on to the street. */
    private String whistling(String description) {
        String caseNumber = report("PROPERTY.STAIRWELL_LIGHT", description);
        rest.completeTask("grid.worker", caseNumber, "Task_HandleOnTheSpot",
                Map.of("handledOnTheSpot", false, "onTheSpotNote", "线路老化，提请街道协调"));
        return caseNumber;
    }

    /** A stairwell report that the city management bureau is handling, as the only department summoned. */
    private String handling(String description) {
        String caseNumber = whistling(description);
        rest.completeTask("street.dispatcher", caseNumber, "Task_BlowWhistle", Map.of(
                "departments", List.of("chengguan"), "leadDepartment", "chengguan"));
        rest.completeTask("dept.chengguan", caseNumber, "Task_CheckIn", Map.of("checkInNote", "城管已到场"));
        rest.await("dept.chengguan", "/engine-rest/task?taskDefinitionKey=Task_HandleOnSite"
                + "&processInstanceBusinessKey=" + caseNumber, t -> t.size() == 1);
        return caseNumber;
    }

    /** The variable as the case (the process instance) holds it now. */
    private Object caseVariable(String caseNumber, String name) {
        return runtime.getVariable(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId(), name);
    }

    /** Whether the variable ever had a value in the case, in any scope. */
    private Object variable(String caseNumber, String name) {
        String instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).singleResult().getId();
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(name).list().stream().map(v -> v.getValue()).filter(v -> v != null)
                .findFirst().orElse(null);
    }
}

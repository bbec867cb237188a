package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workbench in headless Chromium: one sign-in serves it and the Tasklist, either way round, and 退出 ends both.
 * Screenshots under target/screenshots/workbench/.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    Chromium chromium;

    @BeforeAll
    void startBrowser() {
        chromium = new Chromium("workbench");
    }

    @BeforeEach
    void registerEngine() {
        new RestClient(port, engine);
    }

    @AfterAll
    void stopBrowser() {
        chromium.close();
    }

    @Test
    void theSupervisorUrgesAndTheDepartmentSeesTheReminderOnItsCasePage() {
        RestClient rest = new RestClient(port, engine);
        String caseNumber = whistledToTheCityManagementBureau(rest);

        // the supervisor finds it in the list (已超时 / 即将超时 views aside: by its number) and opens it
        Workbench supervisor = new Workbench(chromium.newPage(), port).open("/workbench/").signIn("supervisor");
        assertThat(supervisor.page().locator(".tabs")).containsText("我经手的");
        supervisor.page().getByLabel("工单编号").fill(caseNumber);
        supervisor.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        Locator row = supervisor.page().locator("#cases tbody tr", new Page.LocatorOptions().setHasText(caseNumber));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("莲湖区城市管理和综合执法局");
        chromium.screenshot(supervisor.page(), "3-list");
        row.click();
        assertThat(supervisor.page().locator("#case-number")).hasText(caseNumber);
        assertThat(supervisor.page().locator("#map path").first()).isVisible();

        // 催办 with a message
        supervisor.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("催办").setExact(true)).click();
        supervisor.page().getByLabel("催办留言（可选）").fill("群众再次来电，请尽快报到");
        supervisor.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认催办")).click();
        assertThat(supervisor.page().locator("#action-message")).containsText("已催办");
        assertThat(supervisor.page().locator("#urge-count")).hasText("1 次");
        chromium.screenshot(supervisor.page(), "4-case-urged");

        // a second urge at once is refused, saying when
        supervisor.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("催办").setExact(true)).click();
        supervisor.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认催办")).click();
        assertThat(supervisor.page().locator("#action-failure")).containsText("后可再次催办");

        // the department, signed in to the Tasklist, sees the reminder on its case page
        Tasklist department = new Tasklist(chromium.newPage(), port).logIn("dept.chengguan");
        Workbench page = new Workbench(department.page(), port).open("/workbench/case.html?n=" + caseNumber);
        assertThat(page.page().locator("#urges")).containsText("李秀兰 催办 部门报到");
        assertThat(page.page().locator("#urges")).containsText("群众再次来电，请尽快报到");
        assertThat(page.page().locator("#notifications")).containsText("【催办】");
        assertThat(page.page().getByText("去 Tasklist 办理：部门报到")).isVisible();
        chromium.screenshot(page.page(), "5-department-case-page");
    }

    @Test
    void theHotlineOpensACaseReadsTheNumberBackAndFindsItByPhone() {
        Workbench hotline = new Workbench(chromium.newPage(), port).open("/workbench/hotline.html").signIn("hotline");
        Page page = hotline.page();
        page.getByLabel("类别").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("道路交通/公交车辆堵路"));
        page.getByLabel("所在网格").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("大兴东路社区第一网格"));
        page.getByLabel("来电人").fill("孙女士");
        page.getByLabel("来电号码").last().fill("13700005001");
        page.getByLabel("地址").fill("大兴东路小白杨站");
        page.getByLabel("诉求内容").fill("公交车排队进站堵塞道路");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("受理")).click();

        assertThat(page.locator("#opened-number")).hasText(java.util.regex.Pattern.compile("^HMP-\\d{8}-\\d{4}$"));
        String caseNumber = page.locator("#opened-number").textContent();
        assertThat(page.locator("#recent")).containsText(caseNumber);
        chromium.screenshot(page, "6-hotline-opened");

        // the caller rings again once the case is with the street
        new RestClient(port, engine).await("hotline", "/api/cases/" + caseNumber,
                c -> "WHISTLED".equals(c.get("status").asText()));
        page.getByLabel("来电号码").first().fill("13700005001");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        assertThat(page.locator(".lookup-result")).containsText(caseNumber);
        assertThat(page.locator(".lookup-result .who")).not().hasText("—");
        assertThat(page.locator(".lookup-result .where")).containsText("街道吹哨");
        chromium.screenshot(page, "7-hotline-found-by-phone");
    }

    /** A bus-blocking case in 红庙坡, whistled to the city management bureau, whose check-in is open. */
    private static String whistledToTheCityManagementBureau(RestClient rest) {
        RestClient.Answer opened = rest.post("hotline", "/api/cases", java.util.Map.of(
                "category", "TRAFFIC.BUS_BLOCKING", "description", "小白杨站公交车排队进站，堵塞道路",
                "address", "大兴东路小白杨公交站", "gridCode", "610104006001001", "reporterName", "王女士",
                "reporterPhone", "13700005002", "channel", "HOTLINE_12345"));
        String caseNumber = opened.body().get("caseNumber").asText();
        rest.completeTask("hongmiao.dispatcher", caseNumber, "Task_BlowWhistle", java.util.Map.of(
                "departments", java.util.List.of("chengguan", "jiaojing"), "leadDepartment", "chengguan",
                "whistleNote", "请城管、交警到场"));
        rest.await("dept.chengguan", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=Task_CheckIn", tasks -> tasks.size() == 1);
        return caseNumber;
    }

    @Test
    void aTasklistLoginOpensTheWorkbenchWithoutASecondLogin() {
        Tasklist tasklist = new Tasklist(chromium.newPage(), port).logIn("street.dispatcher");

        Workbench workbench = new Workbench(tasklist.page(), port).open("/workbench/");

        assertThat(workbench.page().locator("#user-name")).containsText("陈志强");
        assertThat(workbench.page().getByLabel("密码")).hasCount(0);
        assertThat(workbench.page().locator(".topbar nav")).containsText("工单列表");
        chromium.screenshot(workbench.page(), "1-after-tasklist-login");
    }

    @Test
    void aWorkbenchLoginOpensTheTasklistAndLoggingOutEndsBoth() {
        Workbench workbench = new Workbench(chromium.newPage(), port).open("/workbench/");
        assertThat(workbench.page().getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("登录工单中心"))).isVisible();
        chromium.screenshot(workbench.page(), "2-login-form");

        // a wrong password is refused in Chinese, then the right one signs in
        workbench.page().getByLabel("用户名").fill("grid.worker");
        workbench.page().getByLabel("密码").fill("wrong-password");
        workbench.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(workbench.page().locator(".login .error")).containsText("用户名或密码错误");
        workbench.signIn("grid.worker");
        assertThat(workbench.page().locator("#user-name")).containsText("周小军");

        // the Tasklist opens signed in
        workbench.page().navigate("http://localhost:" + port + "/camunda/app/tasklist/");
        assertThat(workbench.page().getByText("我的任务").first()).isVisible(TasklistBrowserTests.RELOADED);

        // 退出 on the workbench signs out of both
        workbench.open("/workbench/");
        workbench.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出")).click();
        assertThat(workbench.page().getByLabel("密码")).isVisible();
        workbench.page().navigate("http://localhost:" + port + "/camunda/app/tasklist/");
        assertThat(workbench.page().getByPlaceholder("密码")).isVisible();
    }
}

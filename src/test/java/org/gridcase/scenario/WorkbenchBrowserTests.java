package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
        assertThat(workbench.page().getByText("我的任务").first()).isVisible();

        // 退出 on the workbench signs out of both
        workbench.open("/workbench/");
        workbench.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出")).click();
        assertThat(workbench.page().getByLabel("密码")).isVisible();
        workbench.page().navigate("http://localhost:" + port + "/camunda/app/tasklist/");
        assertThat(workbench.page().getByPlaceholder("密码")).isVisible();
    }
}

package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The workbench (工单中心) as a member of staff uses it in the browser. */
final class Workbench {

    private final Page page;
    private final String base;

    Workbench(Page page, int port) {
        this.page = page;
        this.base = "http://localhost:" + port;
    }

    Page page() {
        return page;
    }

    Workbench open(String path) {
        page.navigate(base + path);
        return this;
    }

    /** Signs in on the workbench's own form (the Tasklist's login behind it). */
    Workbench signIn(String user) {
        page.getByLabel("用户名").fill(user);
        page.getByLabel("密码").fill(RestClient.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page.locator("#user-name")).isVisible();
        return this;
    }
}

package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.DemoDistrictTest;
import org.gridcase.notification.NotificationTemplate;
import org.gridcase.notification.Notifications;
import org.gridcase.notification.Recipient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bell in the workbench's top bar, in headless Chromium: the street's dispatcher sees the street's messages
 * about an emergency with their case link and local time, marks one read, and sees a new one arrive without
 * reloading (the bell polls every 2 s here, ?refresh=2); the department sees its own summons and not the street's
 * messages. Screenshots: target/screenshots/bell/bell-open.png, bell-department.png.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationBellBrowserTests {

    static final String TUMEN_GRID = "610104007001001";
    static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(20_000);

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    Chromium chromium;

    @BeforeAll
    void startBrowser() {
        chromium = new Chromium("bell");
    }

    @AfterAll
    void stopBrowser() {
        chromium.close();
    }

    @Test
    void theStreetReadsItsMessagesInTheBellAndSeesNewOnesArrive() {
        // given: an emergency in 土门街道 (the street is told, four departments are summoned)
        RestClient rest = new RestClient(port, engine);
        String caseNumber = rest.post("grid.leader", "/api/cases", Map.of("category", "SAFETY.ROAD_SUBSIDENCE",
                "urgency", "EMERGENCY", "description", "丰庆路人行道塌陷", "address", "丰庆路 12 号",
                "gridCode", TUMEN_GRID, "lat", 34.2781, "lon", 108.8831, "reporterName", "黄卫东",
                "channel", "GRID_WORKER")).body().get("caseNumber").asText();
        rest.await("street.dispatcher", "/api/cases/" + caseNumber + "/notifications",
                found -> found.findValuesAsText("template").contains("EMERGENCY_STREET"));

        // when
        Page page = new Workbench(chromium.newPage(), port).open("/workbench/?refresh=2").signIn("street.dispatcher")
                .page();

        // then: a count, and the list with the case link, local time and who it was for
        assertThat(page.locator("#bell-count")).isVisible();
        page.locator("#bell").click();
        Locator message = page.locator("[data-test=bell-message]", new Page.LocatorOptions()
                .setHasText("【应急】")).filter(new Locator.FilterOptions().setHasText(caseNumber));
        assertThat(message).containsText("发给土门街道");
        assertThat(message.locator("a")).hasAttribute("href", "/workbench/case.html?n=" + caseNumber);
        assertThat(message).hasClass(java.util.regex.Pattern.compile("unread"));
        assertThat(message).containsText(java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
        chromium.screenshot(page, "bell-open");

        // when: read, then a new message for the street arrives
        int before = Integer.parseInt(page.locator("#bell-count").textContent().strip());
        message.locator("button", new Locator.LocatorOptions().setHasText("标为已读")).click();
        assertThat(message).not().hasClass(java.util.regex.Pattern.compile("unread"));
        assertThat(page.locator("#bell")).hasAttribute("title", before == 1 ? "站内消息" : (before - 1) + " 条未读消息");
        transaction.executeWithoutResult(tx -> notifications.send(Recipient.group("street-610104007"), caseNumber,
                NotificationTemplate.URGE, Map.of("urgedBy", "区督办 李秀兰", "caseNumber", caseNumber,
                        "categoryName", "路面塌陷", "address", "丰庆路 12 号", "step", "部门报到",
                        "holder", "土门街道", "words", "")));

        // then: it shows without a reload
        assertThat(page.locator("[data-test=bell-message]").first()).containsText("【催办】", SOON);
        assertThat(page.locator("#bell")).hasAttribute("title", before + " 条未读消息");
        chromium.screenshot(page, "bell-new");

        // and the department sees its own summons, never the street's messages
        Page department = new Workbench(chromium.newPage(), port).open("/workbench/").signIn("dept.chengguan")
                .page();
        department.locator("#bell").click();
        Locator own = department.locator("[data-test=bell-message]").filter(new Locator.FilterOptions()
                .setHasText(caseNumber));
        assertThat(own.first()).containsText("【吹哨报到】");
        assertThat(department.locator("#bell-panel")).not().containsText("【应急】土门街道辖区 丰庆路");
        assertThat(department.locator("#bell-panel")).not().containsText("【催办】区督办 李秀兰催办工单 " + caseNumber);
        chromium.screenshot(department, "bell-department");
    }
}

package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The boards and the map in headless Chromium: the street watches a department's light turn green as it checks
 * in, the district sees a check-in become overdue, both without reloading; the map draws the grids and the cases.
 * The pages poll every 2 s here (?refresh=2) instead of 15 s. The engine's clock is moved to age the cases.
 * Screenshots: target/screenshots/workbench/street-board.png, district-board.png, map.png.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchBoardsBrowserTests {

    static final String TUMEN_GRID = "610104007001001";
    static final LocatorAssertions.HasAttributeOptions SOON = new LocatorAssertions.HasAttributeOptions()
            .setTimeout(20_000);

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    Chromium chromium;
    RestClient rest;

    @BeforeAll
    void startBrowser() {
        chromium = new Chromium("workbench");
    }

    @BeforeEach
    void registerEngine() {
        rest = new RestClient(port, engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    void stopBrowser() {
        chromium.close();
    }

    @Test
    void theStreetSeesADepartmentsLightTurnGreenAsItChecksIn() {
        // three emergencies of different ages: 32 minutes (late), 26 (past the warning) and 6 minutes old
        String late = openEmergency(34.2780, 108.8830, "丰禾路口路面塌陷");
        clock(6);
        String warned = openEmergency(34.2810, 108.8840, "桃园路井盖下陷");
        clock(26);
        String fresh = openEmergency(34.2795, 108.8850, "劳动路人行道塌陷");
        clock(32);
        rest.completeTask("dept.zhujian", late, "Task_CheckIn", Map.of("checkInNote", "住建已到场"));
        rest.completeTask("dept.zhujian", warned, "Task_CheckIn", Map.of("checkInNote", "住建已到场"));

        Workbench workbench = new Workbench(chromium.newPage(), port).open("/workbench/street-board.html?refresh=2")
                .signIn("street.dispatcher");
        Page page = workbench.page();
        assertThat(page.locator("#street-name")).hasText("土门街道");
        assertThat(light(page, late, "zhujian")).hasAttribute("data-light", "RED");
        assertThat(light(page, late, "xiaofang")).containsText("逾期未报到");
        assertThat(light(page, warned, "zhujian")).hasAttribute("data-light", "GREEN");
        assertThat(light(page, warned, "chengguan")).hasAttribute("data-light", "YELLOW");
        assertThat(light(page, fresh, "zhujian")).hasAttribute("data-light", "NONE");
        assertThat(light(page, fresh, "zhujian")).containsText("主办");
        assertThat(light(page, fresh, "shuiwu")).containsText("协办");
        assertThat(page.locator("#updated")).containsText("更新于");

        rest.completeTask("dept.zhujian", fresh, "Task_CheckIn", Map.of("checkInNote", "住建已到场"));

        // the page polls: the light turns green without a reload
        assertThat(light(page, fresh, "zhujian")).hasAttribute("data-light", "GREEN", SOON);
        assertThat(light(page, fresh, "zhujian")).containsText("已按时报到");
        chromium.screenshot(page, "street-board");
    }

    @Test
    void anOverdueCheckInAppearsOnTheDistrictBoard() {
        String emergency = openEmergency(34.2790, 108.8845, "大庆路路面冒烟");
        Workbench workbench = new Workbench(chromium.newPage(), port)
                .open("/workbench/district-board.html?refresh=2").signIn("supervisor");
        Page page = workbench.page();
        Locator row = page.locator("#board tr[data-case='" + emergency + "']");
        assertThat(row).containsText("应急");
        assertThat(row).not().containsText("报到超时");

        clock(31); // the check-ins' 30 minutes have passed; the timers need not have run

        assertThat(row.locator(".badge", new Locator.LocatorOptions().setHasText("报到超时")))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(light(page, emergency, "xiaofang")).hasAttribute("data-light", "RED");
        assertThat(page.locator("#by-department")).containsText("莲湖区消防救援大队");
        assertThat(page.locator("#by-street")).containsText("土门街道");
        chromium.screenshot(page, "district-board");
    }

    @Test
    void theMapDrawsTheGridsAndTheCases() {
        String emergency = openEmergency(34.2800, 108.8835, "星火路路面塌陷");
        Workbench workbench = new Workbench(chromium.newPage(), port).open("/workbench/map.html")
                .signIn("street.dispatcher");
        Page page = workbench.page();
        assertThat(page.locator("#map-count")).containsText("网格 9 个");
        assertThat(page.locator(".grid-label", new Page.LocatorOptions().setHasText("牡丹庄园社区第一网格")))
                .isVisible();
        Locator point = page.locator("path.case-" + emergency);
        assertThat(point).hasCount(1);
        point.click(new Locator.ClickOptions().setForce(true));
        assertThat(page.locator(".leaflet-popup-content")).containsText(emergency);
        assertThat(page.locator(".leaflet-popup-content a")).hasAttribute("href",
                "/workbench/case.html?n=" + emergency);
        chromium.screenshot(page, "map");

        // filtered to emergencies, the point stays; to another category, it goes
        page.locator("#filter-category").selectOption("TRAFFIC");
        page.getByText("筛选").click();
        assertThat(page.locator("path.case-" + emergency)).hasCount(0);
    }

    private Locator light(Page page, String caseNumber, String department) {
        return page.locator("#board tr[data-case='" + caseNumber + "'] [data-dept='" + department + "']");
    }

    /** Road subsidence in 土门's first grid: four departments due within 30 minutes on the clock. */
    private String openEmergency(double lat, double lon, String description) {
        RestClient.Answer opened = rest.post("grid.leader", "/api/cases", Map.of("category", "SAFETY.ROAD_SUBSIDENCE",
                "urgency", "EMERGENCY", "description", description, "address", description.substring(0, 3),
                "gridCode", TUMEN_GRID, "lat", lat, "lon", lon, "reporterName", "黄卫东", "channel", "GRID_WORKER"));
        String number = opened.body().get("caseNumber").asText();
        rest.await("street.dispatcher", "/api/workbench/boards/street", board -> board.get("cases")
                .findParents("caseNumber").stream()
                .anyMatch(row -> row.get("caseNumber").asText().equals(number) && row.get("departments").size() == 4));
        return number;
    }

    private static void clock(int minutesAhead) {
        ClockUtil.offset(Duration.ofMinutes(minutesAhead).toMillis());
    }
}

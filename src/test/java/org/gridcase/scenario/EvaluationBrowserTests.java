package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The evaluation pages in headless Chromium, on figures this test makes. March 2019 in 土门's first grid: four
 * real cases (opened over the API, so that the cases behind a number can be listed), their facts then set by
 * hand: E1 closed on time, solved, satisfied; E2 closed late, unresolved, unsatisfied, reopened; E3 closed on time,
 * partially solved, not rated; E4 still open, its limit (20 March 2019) long past. April 2019: departments' facts for the monthly table. No other
 * case of the demo district is received in 2019. Screenshots: target/screenshots/evaluation/.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationBrowserTests {

    static final String GRID = "610104007001001";
    static final String COMMUNITY = "610104007001";
    static final String MARCH = "period=MONTH&date=2019-03-01";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    Chromium chromium;
    RestClient rest;
    final List<String> cases = new ArrayList<>();

    @BeforeAll
    void factsOfMarch2019() throws Exception {
        chromium = new Chromium("evaluation");
        rest = new RestClient(port, engine);
        // the Tasklist's login, which the pages sign in through, is slow the first time: once before the pages
        Page warmUp = chromium.newPage();
        warmUp.navigate("http://localhost:" + port + "/workbench/");
        warmUp.getByLabel("用户名").fill("supervisor");
        warmUp.getByLabel("密码").fill(RestClient.PASSWORD);
        warmUp.locator("form.login button").click();
        assertThat(warmUp.locator("#user-name")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        warmUp.close();
        for (int i = 1; i <= 4; i++) {
            cases.add(open("劳动南路路面破损 " + i, "1370000520" + i));
        }
        fact(cases.get(0), "2019-03-02T09:00:00+08:00", "2019-03-05T09:00:00+08:00", true, "RESOLVED", "SATISFIED", 0);
        fact(cases.get(1), "2019-03-03T09:00:00+08:00", "2019-03-10T09:00:00+08:00", false, "UNRESOLVED",
                "UNSATISFIED", 1);
        fact(cases.get(2), "2019-03-04T09:00:00+08:00", "2019-03-08T09:00:00+08:00", true, "PARTIALLY",
                "NO_RESPONSE", 0);
        fact(cases.get(3), "2019-03-05T09:00:00+08:00", null, null, null, null, 0);
        jdbc.update("UPDATE case_fact SET handling_due = ? WHERE case_number = ?", ts("2019-03-20T09:00:00+08:00"),
                cases.get(3));
        departmentsOfApril2019();
    }

    @AfterAll
    void stopBrowser() {
        chromium.close();
    }

    @Test
    void theOverviewShowsTheHeadlineRatesWithTheirSamplesAndListsTheCasesBehindANumber() {
        Page page = signedIn("/workbench/evaluation.html?" + MARCH + "&unit=" + GRID, "supervisor");
        // four received, three closed: 3/4; on time E1 E3: 2/3; solved E1 of E1–E3 answered: 1/3 (部分解决 is not
        // solved); satisfied E1 of E1 E2 rated (E3 not rated, left out): 1/2; reopened E2: 1/3; no summons
        assertTile(page, "RECEIVED", "4", null, null);
        assertTile(page, "CLOSED", "3", null, null);
        assertTile(page, "CLOSURE_RATE", "75.00%", "3", "4");
        assertTile(page, "ON_TIME_RATE", "66.67%", "2", "3");
        assertTile(page, "SOLVED_RATE", "33.33%", "1", "3");
        assertTile(page, "SATISFACTION_RATE", "50.00%", "1", "2");
        assertTile(page, "REOPEN_RATE", "33.33%", "1", "3");
        assertTile(page, "RESPONSE_RATE", "—", "0", "0");
        assertThat(tile(page, "SOLVED_RATE")).hasAttribute("title", java.util.regex.Pattern.compile("部分解决.*不算解决"));
        assertThat(page.locator("#trend-chart canvas")).hasCount(1);

        tile(page, "SOLVED_RATE").locator("button.denominator").click();
        assertThat(page.locator("#cases-total")).containsText("共 3 件");
        assertThat(page.locator("#cases-panel tr.case-row")).hasCount(3);
        assertThat(page.locator("#cases-panel")).containsText(cases.get(0));
        assertThat(page.locator("#cases-panel")).containsText(cases.get(1));
        assertThat(page.locator("#cases-panel")).containsText(cases.get(2));
        assertThat(page.locator("#cases-panel")).not().containsText(cases.get(3));
        assertThat(page.locator("#cases-panel a").first()).hasAttribute("href",
                java.util.regex.Pattern.compile("/workbench/case\\.html\\?n="));
        chromium.screenshot(page, "overview");

        tile(page, "SOLVED_RATE").locator("button.numerator").click();
        assertThat(page.locator("#cases-total")).containsText("共 1 件");
        assertThat(page.locator("#cases-panel tr.case-row")).hasCount(1);
        assertThat(page.locator("#cases-panel tr.case-row")).containsText(cases.get(0));
        assertThat(page.locator(".exports a.export-csv")).hasAttribute("href",
                java.util.regex.Pattern.compile("^/api/evaluation/overview\\?.*format=csv$"));
    }

    @Test
    void theDepartmentTableRanksAboveTheMinimumSampleWithItsRedAndBlackLists() {
        Page page = signedIn("/workbench/departments.html?month=2019-04", "supervisor");
        assertThat(page.locator("#frozen-state")).containsText("未关账");
        Locator lead = page.locator("#table-lead");
        assertThat(lead.locator("tr[data-dept='chengguan'] td").first()).hasText("1");
        assertThat(lead.locator("tr[data-dept='chengguan']")).containsText("100");
        assertThat(lead.locator("tr[data-dept='zhujian']")).containsText("82.5");
        assertThat(lead.locator("tr[data-dept='xiaofang']")).containsText("65");
        assertThat(lead.locator("tr[data-dept='jiaojing'] td").first()).hasText("4");
        // two cases, fewer than the five a ranking needs: listed, not ranked
        assertThat(lead.locator("tr[data-dept='shuiwu'] td").first()).hasText("不参与排名");
        assertThat(page.locator("#red-lead li")).hasCount(3);
        assertThat(page.locator("#red-lead li").first()).containsText("莲湖区城市管理和综合执法局");
        assertThat(page.locator("#black-lead li")).hasCount(1);
        assertThat(page.locator("#black-lead li")).containsText("莲湖交警大队");
        assertThat(page.locator("#red-lead")).not().containsText("莲湖区水务局");
        chromium.screenshot(page, "departments");

        // 工单数 opens the cases behind it (these hand-made facts have no case records to list: the count shows)
        lead.locator("tr[data-dept='chengguan'] button.cases").click();
        assertThat(page.locator("#cases-panel h2")).containsText("（主办） · 工单数");
        assertThat(page.locator("#cases-total")).containsText("2019-04-01 至 2019-04-30，共 6 件");
        chromium.screenshot(page, "departments-cases");
    }

    @Test
    void theHotspotsRankTheCommunitiesAndCompareBeforeAndAfter() {
        Page page = signedIn("/workbench/hotspots.html?" + MARCH, "street.dispatcher");
        Locator row = page.locator("#hotspots tr[data-unit='" + COMMUNITY + "']");
        assertThat(row.locator("button.received")).hasText("4");
        // answered E1 E2 E3; unresolved E2, partially E3
        assertThat(row.locator("button.unresolved")).hasText("2");
        assertThat(row.locator("button.answered")).hasText("3");
        assertThat(row).containsText("66.67%");
        assertThat(row.locator(".spark canvas")).hasCount(1);
        assertThat(page.locator("#hotspots tbody tr")).hasCount(1);
        // 超期在办: E4, open past its limit, now (a snapshot of all time: another test's case may be there too)
        String overdue = row.locator("button.overdue").textContent().trim();
        assertThat(Integer.parseInt(overdue)).isPositive();
        row.locator("button.overdue").click();
        assertThat(page.locator("#cases-total")).containsText("超期在办（现在），共 " + overdue + " 件");
        assertThat(page.locator("#cases-panel")).containsText(cases.get(3));
        assertThat(page.locator("#cases-panel")).not().containsText(cases.get(0));
        chromium.screenshot(page, "hotspots-overdue");

        row.locator("button.unresolved").click();
        assertThat(page.locator("#cases-panel tr.case-row")).hasCount(2);
        assertThat(page.locator("#cases-panel")).containsText(cases.get(1));
        assertThat(page.locator("#cases-panel")).containsText(cases.get(2));

        page.locator("#compare-from").fill("2019-03-01");
        page.locator("#compare-to").fill("2019-03-31");
        row.locator("button.compare-this").click();
        Locator received = page.locator("#compare-table tr[data-measure='RECEIVED']");
        assertThat(received).containsText("+4");
        assertThat(page.locator("#compare")).containsText("2019-01-29 至 2019-02-28");
        assertThat(page.locator("#compare-table tr[data-measure='SOLVED_RATE']")).containsText("一侧无样本");
        chromium.screenshot(page, "hotspots");
    }

    @Test
    void theMapColoursTheGridsAndGivesEachItsFigures() {
        Page page = signedIn("/workbench/evaluation-map.html?" + MARCH, "street.dispatcher");
        assertThat(page.locator("#map-note")).containsText("网格 9 个");
        Locator grid = page.locator("path.grid-" + GRID);
        assertThat(grid).hasCount(1);
        assertThat(grid).not().hasAttribute("fill", "#e5e7eb");
        assertThat(page.locator("path.grid-610104007001002")).hasAttribute("fill", "#e5e7eb");
        // the busiest grid (4 cases) in the darkest class
        assertThat(page.locator("#legend")).containsText("4 件");
        assertThat(grid).hasAttribute("fill", "#08519c");

        grid.click(new Locator.ClickOptions().setForce(true));
        Locator popup = page.locator(".leaflet-popup-content");
        assertThat(popup.locator("tr[data-measure='RECEIVED']")).containsText("4");
        assertThat(popup.locator("tr[data-measure='CLOSURE_RATE']")).containsText("75.00%");
        assertThat(popup.locator("tr[data-measure='CLOSURE_RATE']")).containsText("(3/4)");
        page.waitForTimeout(500); // the map pans (animated) to show the whole popup
        chromium.screenshot(page, "map");
        popup.locator("tr[data-measure='CLOSURE_RATE'] a").first().click();
        assertThat(page.locator("#cases-panel tr.case-row")).hasCount(3);
        chromium.screenshot(page, "map-cases");

        page.locator("#colour-by").selectOption("SATISFACTION_RATE");
        assertThat(page.locator("#legend")).containsText("无样本");
        // 满意率 50%: the worst class
        assertThat(grid).hasAttribute("fill", "#b2182b");
        chromium.screenshot(page, "map-satisfaction");
    }

    private Page signedIn(String path, String user) {
        Page page = chromium.newPage();
        // a page's script errors in the test's output, where a failure is read
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                System.out.println("[browser] " + message.text());
            }
        });
        page.onPageError(error -> System.out.println("[browser] " + error));
        return new Workbench(page, port).open(path).signIn(user).page();
    }

    private static Locator tile(Page page, String measure) {
        return page.locator("#tiles .tile[data-measure='" + measure + "']");
    }

    private static void assertTile(Page page, String measure, String value, String numerator, String denominator) {
        Locator tile = tile(page, measure);
        assertThat(tile.locator(".tile-value")).hasText(value);
        if (numerator != null) {
            assertThat(tile.locator("button.numerator")).hasText(numerator);
            assertThat(tile.locator("button.denominator")).hasText(denominator);
        }
    }

    /** A real case in 土门's first grid, once the job executor has placed it and its facts have settled. */
    private String open(String description, String phone) throws InterruptedException {
        RestClient.Answer opened = rest.post("hotline", "/api/cases", Map.of("category", "MUNICIPAL.ROAD_DAMAGE",
                "description", description, "address", "劳动南路", "gridCode", GRID, "reporterName", "王女士",
                "reporterPhone", phone, "channel", "HOTLINE_12345"));
        assertThat(opened.status()).isEqualTo(201);
        String number = opened.body().get("caseNumber").asText();
        Instant deadline = Instant.now().plusSeconds(30);
        Object last = null;
        int stable = 0;
        // the facts are rewritten at each step of the case: wait until they stop changing (about two seconds)
        while (stable < 10) {
            assertThat(Instant.now()).as("facts of " + number + " settled").isBefore(deadline);
            List<Object> now = jdbc.queryForList("SELECT updated_at FROM case_fact WHERE case_number = ?"
                    + " AND street_code IS NOT NULL", Object.class, number);
            stable = !now.isEmpty() && now.get(0).equals(last) ? stable + 1 : 0;
            last = now.isEmpty() ? null : now.get(0);
            Thread.sleep(200);
        }
        return number;
    }

    /** The facts of a real case, set by hand to March 2019. */
    private void fact(String number, String received, String closed, Boolean onTime, String resolution,
            String satisfaction, int reopened) {
        jdbc.update("""
                UPDATE case_fact SET received_at = ?, closed_at = ?, on_time = ?, resolution = ?, satisfaction = ?,
                    reopen_count = ?, repeat_of = NULL, handling_due = NULL WHERE case_number = ?""",
                ts(received), closed == null ? null : ts(closed), onTime, resolution, satisfaction, reopened, number);
    }

    /**
     * Lead departments' facts in April 2019 (cases of their own, in 红庙坡): each department {@code n} cases, the
     * first {@code onTime} checked in on time, {@code solved} answered solved, {@code satisfied} rated satisfied.
     * Scores (30/35/35): 城管 100; 住建 30×100 + 35×50 + 35×100 = 82.5; 消防 30×100 + 35×100 + 0 = 65; 交警 0;
     * 水务 two cases, below the minimum of five: not ranked.
     */
    private void departmentsOfApril2019() {
        jdbc.update("DELETE FROM checkin_fact WHERE case_number LIKE 'EVB-%'");
        jdbc.update("DELETE FROM case_fact WHERE case_number LIKE 'EVB-%'");
        department("chengguan", 6, 6, 6, 6);
        department("zhujian", 6, 6, 3, 6);
        department("xiaofang", 5, 5, 5, 0);
        department("jiaojing", 5, 0, 0, 0);
        department("shuiwu", 2, 2, 2, 2);
    }

    private void department(String code, int n, int onTime, int solved, int satisfied) {
        for (int i = 0; i < n; i++) {
            String number = "EVB-" + code + "-" + i;
            OffsetDateTime received = OffsetDateTime.parse("2019-04-10T09:00:00+08:00").plusHours(i);
            jdbc.update("""
                    INSERT INTO case_fact (case_number, received_at, district_code, street_code, community_code,
                        grid_code, category, category_group, channel, urgency, lead_department, dispatched, closed_at,
                        on_time, resolution, satisfaction, reopen_count, return_count, extension_count,
                        supervision_count, warning_count, escalation_count, red_card_count, updated_at)
                    VALUES (?, ?, '610104', '610104006', '610104006001', '610104006001001', 'MUNICIPAL.ROAD_DAMAGE',
                        'MUNICIPAL', 'HOTLINE_12345', 'ROUTINE', ?, TRUE, ?, TRUE, ?, ?, 0, 0, 0, 0, 0, 0, 0, ?)""",
                    number, received, code, received.plusDays(2), i < solved ? "RESOLVED" : "UNRESOLVED",
                    i < satisfied ? "SATISFIED" : "UNSATISFIED", OffsetDateTime.now());
            boolean late = i >= onTime;
            jdbc.update("""
                    INSERT INTO checkin_fact (case_number, department_code, lead, summoned_at, check_in_due,
                        checked_in_at, late, on_time, working_minutes) VALUES (?, ?, TRUE, ?, ?, ?, ?, ?, ?)""",
                    number, code, received.plusMinutes(10), received.plusMinutes(130),
                    received.plusMinutes(late ? 200 : 40), late, !late, late ? 190 : 30);
        }
    }

    private static OffsetDateTime ts(String at) {
        return OffsetDateTime.parse(at);
    }
}

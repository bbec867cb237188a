package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.DemoDistrictTest;
import org.gridcase.casework.RatingWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reporter rates the result on her tracking page, on a phone (390 × 844): a stairwell light reported to
 * 12345, fixed on the spot by the grid worker, the reporter told; she opens the link the case gave her. Rated
 * unresolved and unsatisfied, the case goes back to handling (重办); rated resolved and satisfied, it is closed;
 * not rated within the window, the community will call and the page offers no form. Screenshots:
 * target/screenshots/resident/.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentRatingBrowserTests {

    static final String GRID = "610104007001001";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    Chromium chromium;
    RestClient rest;

    @BeforeAll
    void startBrowser() {
        chromium = new Chromium("resident");
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
    void aReporterWhoFindsTheProblemUnresolvedSendsTheCaseBackToHandling() {
        // given: the case fed back, waiting for her rating
        String[] reported = fedBack("13655506101", "5号楼1单元楼道灯不亮");
        Page page = track(reported[1]);
        assertThat(page.locator("[data-test=rate]")).isVisible();
        chromium.screenshot(page, "rate");

        // when: 未解决, 不满意, with a comment
        rate(page, "未解决", "不满意", "灯还是不亮，晚上仍看不见台阶");

        // then: the page shows the case back in handling, the process waits at the handling again
        assertThat(page.locator("[data-test=rated]")).containsText("重新办理");
        assertThat(page.locator("[data-test=status]")).hasText("处置中");
        assertThat(page.locator("[data-test=timeline] li.now")).containsText("正在办理");
        assertThat(page.locator("[data-test=timeline]")).containsText("重新办理");
        assertThat(page.locator("[data-test=rate]")).hasCount(0);
        chromium.screenshot(page, "reopened");
        org.assertj.core.api.Assertions.assertThat(engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(reported[0]).taskDefinitionKey("Task_HandleOnSite").count())
                .as("the case waits at the handling again").isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId(reported[0])).variableName("returnVisitNote").singleResult()
                .getValue()).isEqualTo("灯还是不亮，晚上仍看不见台阶");

        // and staff read on the case page that the reporter herself rated the round
        Workbench workbench = new Workbench(chromium.newPage(), port)
                .open("/workbench/case.html?n=" + reported[0]).signIn("supervisor");
        assertThat(workbench.page().locator("#return-visits")).hasText(
                java.util.regex.Pattern.compile("第 1 轮 · 居民评价：未解决，不满意"));
        assertThat(workbench.page().locator("#reporter-count")).hasText("1 位居民");
        chromium.screenshot(workbench.page(), "workbench-case-rated");
    }

    @Test
    void aReporterWhoIsSatisfiedClosesTheCase() {
        // given
        String[] reported = fedBack("13655506102", "7号楼3单元楼道灯忽明忽暗");
        Page page = track(reported[1]);

        // when
        rate(page, "已解决", "满意", null);

        // then: closed, the process ended, nobody calls
        assertThat(page.locator("[data-test=rated]")).containsText("已办结");
        assertThat(page.locator("[data-test=status]")).hasText("已办结");
        assertThat(page.locator("[data-test=result-rating]")).containsText("您的评价：已解决，满意");
        chromium.screenshot(page, "closed");
        org.assertj.core.api.Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reported[0]).singleResult().getEndTime()).as("the process ended")
                .isNotNull();
        org.assertj.core.api.Assertions.assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(reported[0]).taskDefinitionKey("Task_ReturnVisit").count()).isZero();
    }

    @Test
    void aReporterWhoDoesNotRateInTimeIsToldTheCommunityWillCall() {
        // given: fed back, and the rating window (three working days) passes without a rating
        String[] reported = fedBack("13655506103", "9号楼楼道灯开关坏了");
        RatingWindow.letPass(engine, reported[0]);

        // when
        Page page = track(reported[1]);

        // then
        assertThat(page.locator("[data-test=call-pending]")).hasText("评价时限已过，社区将电话回访");
        assertThat(page.locator("[data-test=rate]")).hasCount(0);
        chromium.screenshot(page, "window-passed");
        org.assertj.core.api.Assertions.assertThat(engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(reported[0]).taskDefinitionKey("Task_ReturnVisit").count()).isEqualTo(1);
    }

    /**
     * A stairwell light reported to 12345 and fixed on the spot by the grid worker; answers the case number and
     * the tracking page the case gave, once the reporter has been told and the case waits for her rating.
     */
    private String[] fedBack(String phone, String description) {
        RestClient.Answer opened = rest.post("hotline", "/api/cases", Map.of("category", "PROPERTY.STAIRWELL_LIGHT",
                "description", description, "address", "牡丹庄园小区", "gridCode", GRID, "reporterName", "李女士",
                "reporterPhone", phone, "channel", "HOTLINE_12345"));
        org.assertj.core.api.Assertions.assertThat(opened.status()).as("opened: %s", opened.body()).isEqualTo(201);
        String number = opened.body().get("caseNumber").asText();
        String trackingPage = opened.body().get("trackingPage").asText();
        rest.completeTask("grid.worker", number, "Task_HandleOnTheSpot", Map.of("handledOnTheSpot", true,
                "onTheSpotNote", "已更换灯泡，楼道灯恢复"));
        // Task_NotifyReporter runs on the job executor; then the case waits at Gateway_RatingOrCall
        rest.await(null, "/api/cases/" + number + "?token=" + trackingPage.replaceAll(".*[?&]token=", ""),
                view -> view.get("canRate").asBoolean());
        return new String[] {number, trackingPage};
    }

    private Page track(String trackingPage) {
        Page page = chromium.newPage();
        page.setViewportSize(390, 844);
        page.navigate(trackingPage.startsWith("http") ? trackingPage : "http://localhost:" + port + trackingPage);
        assertThat(page.locator("[data-test=status]")).not().isEmpty();
        return page;
    }

    private static void rate(Page page, String resolution, String satisfaction, String comment) {
        page.locator("[data-test=rate]").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator
                .GetByRoleOptions().setName(resolution).setExact(true)).click();
        page.locator("[data-test=rate]").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator
                .GetByRoleOptions().setName(satisfaction).setExact(true)).click();
        if (comment != null) {
            page.locator("[data-test=rate] textarea").fill(comment);
        }
        page.getByText("提交评价").click();
    }

    private String processInstanceId(String caseNumber) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
    }
}

package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
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
 * The consultation meeting's forms in the real Tasklist: the street dispatcher convenes the bus-blocking meeting and
 * opens the record form, whose resolution is a dynamic list of commitments with the registry's parties to choose.
 * Screenshots under target/screenshots/mediation/.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationMeetingBrowserTests {

    static final String GRID = "610104007001001";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    UnitService units;

    Chromium chromium;

    @BeforeAll
    void startBrowser() {
        chromium = new Chromium("mediation");
    }

    @AfterAll
    void stopBrowser() {
        chromium.close();
    }

    @Test
    void theStreetConvenesAMeetingAndRecordsItsCommitments() throws Exception {
        // given: buses block the road by 牡丹庄园; the street chooses a consultation meeting at the whistle
        RestClient rest = new RestClient(port, engine);
        Point inside = new WKTReader().read(units.list(UnitLevel.GRID, "610104007001").stream()
                .filter(grid -> grid.code().equals(GRID)).findFirst().orElseThrow().boundary()).getInteriorPoint();
        RestClient.Answer opened = rest.post(null, "/api/cases", Map.of("category", "TRAFFIC.BUS_BLOCKING",
                "description", "23路公交车在小区门口停靠占道，早高峰堵死道路", "address", "牡丹庄园南门",
                "lat", inside.getY(), "lon", inside.getX(), "reporterName", "孙先生", "reporterPhone", "13700005678",
                "channel", "RESIDENT_APP"));
        assertThat(opened.status()).isEqualTo(201);
        String caseNumber = opened.body().get("caseNumber").asText();
        rest.completeTask("street.dispatcher", caseNumber, "Task_BlowWhistle",
                Map.of("consultationMeeting", true, "whistleNote", "召集交警、公交、物业协商"));

        // when: the dispatcher opens the convening form in the Tasklist
        Tasklist street = new Tasklist(chromium.newPage(), port).logIn("street.dispatcher");
        street.openAndClaim(street.filterListing("我的待办", caseNumber));
        Locator form = street.form();
        assertThat(form).containsText("诉求概要");
        assertThat(form.getByLabel("议题")).isVisible();
        assertThat(form).containsText("邀请参会单位");
        assertThat(form).containsText("西安公交集团第二公交公司");
        form.getByLabel("议题").fill("公交车辆占道停靠");
        form.getByLabel("莲湖交警大队").setChecked(true);
        form.getByLabel("西安公交集团第二公交公司").setChecked(true);
        form.getByLabel("牡丹庄园物业公司").setChecked(true);
        chromium.screenshot(street.page(), "1-convene-meeting");

        // the convening itself through the API (the date picker is the Tasklist's own)
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        rest.completeTask("street.dispatcher", caseNumber, "Task_ConveneMeeting", Map.of("meetingSubject",
                "公交车辆占道停靠", "meetingAt", day + "T09:00:00+08:00", "meetingPlace", "牡丹庄园社区议事厅",
                "invitedParties", List.of("jiaojing", "gongjiao", "wuye")));

        // then: the record form shows the commitments as a list of rows to fill, parties from the registry
        Tasklist recorder = new Tasklist(chromium.newPage(), port).logIn("street.dispatcher");
        recorder.openAndClaim(recorder.filterListing("我的待办", caseNumber));
        Locator record = recorder.form();
        assertThat(record).containsText("议题 公交车辆占道停靠");
        assertThat(record.getByLabel("参会人员")).isVisible();
        assertThat(record.locator(".fjs-form-field-select")).hasCount(3);
        record.getByLabel("参会人员").fill("莲湖交警大队 王警官；公交二公司 刘队长；牡丹庄园物业 陈经理；居民代表 李阿姨");
        record.getByLabel("会议纪要").fill("各方同意：交警设禁停标志，公交调整停靠点，物业清理门前占道。");
        record.locator(".fjs-form-field-select").first().locator(".fjs-input-group").click();
        assertThat(record.locator(".fjs-dropdownlist-item", new Locator.LocatorOptions().setHasText("莲湖交警大队")))
                .isVisible();
        record.locator(".fjs-dropdownlist-item", new Locator.LocatorOptions().setHasText("莲湖交警大队")).click();
        record.getByLabel("承诺内容").first().fill("设置临时禁停标志并巡查");
        chromium.screenshot(recorder.page(), "2-record-meeting");

        // when: the meeting is recorded (through the API) with three commitments
        String later = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7).toString();
        rest.completeTask("street.dispatcher", caseNumber, "Task_RecordMeeting", Map.of(
                "attendees", "莲湖交警大队 王警官；公交二公司 刘队长；牡丹庄园物业 陈经理",
                "minutes", "各方同意分头落实。",
                "commitmentRows", List.of(
                        Map.of("party", "jiaojing", "task", "设置临时禁停标志并巡查", "deadline", later),
                        Map.of("party", "gongjiao", "task", "调整 23 路停靠点", "deadline", later),
                        Map.of("party", "wuye", "task", "清理小区门前占道", "deadline", later))));

        // then: the workbench's case page shows the meeting and each party's commitment with its state
        Workbench page = new Workbench(recorder.page(), port).open("/workbench/case.html?n=" + caseNumber);
        Locator meetings = page.page().locator("#meetings");
        assertThat(meetings).containsText("公交车辆占道停靠");
        assertThat(meetings).containsText("西安公交集团第二公交公司");
        assertThat(meetings.locator("tbody tr")).hasCount(3);
        assertThat(meetings).containsText("待落实");
        chromium.screenshot(page.page(), "3-workbench-case-meetings");
    }
}

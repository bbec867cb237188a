package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Geolocation;
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
 * The resident pages (/m/) on a phone, 390 × 844, in headless Chromium: a report from a community's QR code with
 * a photo and a place tapped on the map, then its tracking page; the duplicate offer for the same problem reported
 * 50 m away the day before, joined with 我也遇到了; 我的反映 with the one-time code (read from the stored
 * notification). Photos go through the real photo store: two pictures, made smaller in the browser, uploaded to
 * POST /api/photos and claimed by the case the report opens. Screenshots: target/screenshots/resident/.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentBrowserTests {

    static final String GRID = "610104007001001";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    Chromium chromium;
    RestClient rest;

    @BeforeAll
    void startBrowser() {
        chromium = new Chromium("resident");
        rest = new RestClient(port, engine);
    }

    @AfterAll
    void stopBrowser() {
        chromium.close();
    }

    Page phone() {
        Page page = chromium.newPage();
        page.setViewportSize(390, 844);
        return page;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aResidentReportsFromTheGridsQrCodeAndFollowsTheCase() throws IOException {
        Page page = phone();
        // a phone of its own address (through the trusted loopback proxy): the anonymous upload and report limits
        // count per address, and other tests of the shared context report from the loopback too
        page.setExtraHTTPHeaders(Map.of("X-Forwarded-For", "198.18.13.1"));
        page.navigate(url("/m/report?grid=" + GRID));
        assertThat(page.locator(".note").first()).containsText("网格二维码");
        assertThat(page.locator(".chips button").first()).isVisible();
        assertThat(page.locator("path.leaflet-interactive[stroke='#c2410c']")).isVisible();
        chromium.screenshot(page, "report-empty");

        page.getByText("物业管理").click();
        page.getByText("楼道照明").click();
        assertThat(page.locator("[data-test=chosen-category]")).hasText("物业管理 · 楼道照明");
        page.locator("textarea").first().fill("3号楼2单元楼道灯坏了一周，晚上看不见台阶");
        page.locator("input[type=file]").setInputFiles(new Path[] {photo(Color.YELLOW), photo(Color.RED)});
        assertThat(page.locator(".photos img")).hasCount(2);
        // each is sent once made smaller (long side 1600 px); the page holds the stored photo's address
        assertThat(page.getByText("正在上传照片…")).hasCount(0);
        assertThat(page.locator(".photos .error")).hasCount(0);
        page.locator("[data-test=map]").scrollIntoViewIfNeeded();
        BoundingBox map = page.locator("[data-test=map]").boundingBox();
        page.mouse().click(map.x + map.width / 2, map.y + map.height / 2);
        assertThat(page.locator("[data-test=point]")).containsText("已选位置");
        page.getByPlaceholder("如：牡丹庄园小区3号楼2单元").fill("牡丹庄园小区3号楼2单元");
        page.getByPlaceholder("留下号码，便于回访告知结果").fill("1365550600");

        page.getByText("提交反映").click();
        // without consent nothing is sent, and the line says why
        assertThat(page.locator(".consent .error")).hasText("请阅读并同意信息使用说明");
        page.locator("[data-test=consent]").check();
        page.getByText("提交反映").click();
        // the server's Chinese message appears next to the phone
        assertThat(page.locator(".card.invalid .error")).containsText("手机号");
        assertThat(page.locator("[data-test=error]")).hasText("还有内容需要修改，见标红处");
        chromium.screenshot(page, "report-invalid-phone");
        page.getByPlaceholder("留下号码，便于回访告知结果").fill("13655506001");
        page.getByText("提交反映").click();

        assertThat(page.locator("[data-test=case-number]")).hasText(java.util.regex.Pattern.compile("TM-\\d{8}-\\d+"));
        String number = page.locator("[data-test=case-number]").textContent();
        chromium.screenshot(page, "report-opened");
        Map<String, Object> stored = jdbc.queryForMap("select channel_source, photo_links from case_record"
                + " where case_number = ?", number);
        org.assertj.core.api.Assertions.assertThat(stored.get("channel_source")).isEqualTo("grid:" + GRID);
        // the two uploads are stored, resized by the page, and belong to the new case
        List<Map<String, Object>> photos = jdbc.queryForList("select id, width, height, content_type from photo"
                + " where case_number = ? order by id", number);
        org.assertj.core.api.Assertions.assertThat(photos).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(photos).allSatisfy(photo -> {
            org.assertj.core.api.Assertions.assertThat(photo).containsEntry("width", 1600).containsEntry("height", 1200)
                    .containsEntry("content_type", "image/jpeg");
            org.assertj.core.api.Assertions.assertThat((String) stored.get("photo_links"))
                    .contains(url("/photos/" + photo.get("id")));
        });

        page.locator("[data-test=tracking-page]").click();
        assertThat(page.locator("[data-test=case-number]")).hasText(number);
        assertThat(page.locator("[data-test=timeline]")).containsText("已收到您的反映");
        assertThat(page.locator("[data-test=status]")).not().isEmpty();
        assertThat(page.getByText("回访电话：136****6001")).isVisible();
        assertThat(page.locator("[data-test=rate]")).hasCount(0);
        // the two photos show as pictures, loaded from gridcase's photo store
        assertThat(page.locator(".photos img")).hasCount(2);
        page.waitForFunction("() => [...document.querySelectorAll('.photos img')]"
                + ".every(img => img.complete && img.naturalWidth === 1600)");
        for (Map<String, Object> photo : photos) {
            assertThat(page.locator(".photos img[src='" + url("/photos/" + photo.get("id")) + "']")).isVisible();
        }
        chromium.screenshot(page, "track");
    }

    @Test
    void aResidentJoinsTheSameProblemReportedNearbyTheDayBefore() {
        double lat = 34.2812;
        double lon = 108.8822;
        // reported 50 m north the day before, with a photo
        Map<String, Object> report = new java.util.HashMap<>(Map.of("category", "SANITATION.GARBAGE_PILE",
                "description", "小区门口垃圾堆了好几天", "address", "牡丹庄园小区北门", "lat", lat + 0.00045,
                "lon", lon, "reporterName", "孙女士", "reporterPhone", "13655506002", "channel", "HOTLINE_12345"));
        report.put("photoLinks", List.of(url("/webjars/leaflet/dist/images/layers-2x.png")));
        String earlier = rest.post("hotline", "/api/cases", report).body().get("caseNumber").asText();
        jdbc.update("update case_record set received_at = received_at - interval '1 day' where case_number = ?",
                earlier);

        Page page = phone();
        page.context().grantPermissions(List.of("geolocation"));
        page.context().setGeolocation(new Geolocation(lat, lon));
        page.navigate(url("/m/report"));
        page.getByPlaceholder("搜索，如：路灯、井盖、噪音").fill("垃圾");
        page.getByText("垃圾堆放").click();
        page.getByText("使用我的当前位置").click();

        assertThat(page.locator("[data-test=nearby]")).containsText("附近已有相同问题");
        assertThat(page.locator("[data-test=nearby]")).containsText("约 50 米");
        assertThat(page.locator("[data-test=nearby]")).not().containsText("孙女士");
        page.getByPlaceholder("留下号码，便于回访告知结果").fill("13655506003");
        chromium.screenshot(page, "report-nearby");
        page.locator("[data-test=join]").first().click();

        assertThat(page.locator("[data-test=joined]")).containsText("现有 2 位居民反映");
        chromium.screenshot(page, "joined");
        page.locator("[data-test=tracking-page]").click();
        assertThat(page.locator("[data-test=case-number]")).hasText(earlier);
        assertThat(page.locator("[data-test=reporters]")).hasText("共 2 位居民反映此问题");
        chromium.screenshot(page, "track-joined");
    }

    @Test
    void aResidentListsTheirReportsWithTheOneTimeCode() {
        String mine = rest.post("hotline", "/api/cases", Map.of("category", "PROPERTY.WATER_LEAK",
                "description", "楼上漏水", "address", "牡丹庄园小区7号楼", "gridCode", GRID,
                "reporterPhone", "13655506004", "channel", "HOTLINE_12345")).body().get("caseNumber").asText();
        Page page = phone();
        page.navigate(url("/m/mine"));
        page.locator("[data-test=phone]").fill("1370000");
        page.locator("[data-test=send-code]").click();
        assertThat(page.locator(".error")).containsText("必须是 11 位手机号");
        page.locator("[data-test=phone]").fill("13655506004");
        page.locator("[data-test=send-code]").click();
        assertThat(page.locator("[data-test=code]")).isVisible();
        chromium.screenshot(page, "mine-code");
        String text = jdbc.queryForObject("select text from notification_message where recipient = ?"
                + " and template = 'RESIDENT_SIGN_IN_CODE' order by id desc limit 1", String.class,
                "reporter:13655506004");
        page.locator("[data-test=code]").fill(text.replaceAll("(?s).*验证码是 (\\d{6}).*", "$1"));
        page.locator("[data-test=list]").click();

        assertThat(page.locator("[data-test=my-case]")).containsText(mine);
        chromium.screenshot(page, "mine");
        page.locator("[data-test=my-case]").first().click();
        assertThat(page.locator("[data-test=case-number]")).hasText(mine);
    }

    /** A picture larger than the page sends (2400 × 1800): the page makes it 1600 × 1200 before the upload. */
    static Path photo(Color spot) throws IOException {
        BufferedImage image = new BufferedImage(2400, 1800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 110, 140));
        g.fillRect(0, 0, 2400, 1800);
        g.setColor(spot);
        g.fillOval(900, 500, 600, 600);
        g.dispose();
        Path file = Files.createTempFile("stairwell", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}

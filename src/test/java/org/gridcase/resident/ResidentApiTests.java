package org.gridcase.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The resident API as a phone calls it, without a login: nearby open reports (radius, days, category, closed
 * ones left out), joining one (我也遇到了), following it with the joiner's own token, the one-time codes of
 * 我的反映 and their limits, the QR codes, the public category list. Cases are opened by the hotline and aged or
 * closed in the database, which is all the nearby query reads.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentApiTests {

    static final String GRID = "610104007001001";
    // inside the grid, away from the points other tests use; 0.00045° of latitude is 50 m
    static final double LAT = 34.2770;
    static final double LON = 108.8825;
    static final double FIFTY_METRES = 0.00045;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    ResidentHttp http;

    @BeforeAll
    void client() {
        http = new ResidentHttp(port);
    }

    String report(String category, double lat, double lon, String phone) {
        Map<String, Object> report = new HashMap<>(Map.of("category", category, "description", "楼道里堆满杂物",
                "address", "牡丹庄园小区5号楼", "lat", lat, "lon", lon, "reporterName", "李先生",
                "channel", "HOTLINE_12345"));
        if (phone != null) {
            report.put("reporterPhone", phone);
        }
        return http.openCase(report);
    }

    /**
     * Waits until the process has placed the case (after the start's async boundary): the record it then writes
     * back whole would undo a date or status a test set before.
     */
    void awaitPlaced(String caseNumber) {
        long deadline = System.currentTimeMillis() + 30_000;
        while ("RECEIVED".equals(jdbc.queryForObject("select status from case_record where case_number = ?",
                String.class, caseNumber))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("case " + caseNumber + " was not placed within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    List<String> nearby(String category, double lat, double lon) {
        JsonNode answer = http.get("/api/resident/nearby?category=" + category + "&lat=" + lat + "&lon=" + lon)
                .body();
        return answer.findValuesAsText("caseNumber");
    }

    @Test
    void offersOpenCasesOfTheSameCategoryWithinTheRadiusAndTheDays() {
        String yesterday = report("PROPERTY.STAIRWELL_CLUTTER", LAT, LON, null);
        awaitPlaced(yesterday);
        jdbc.update("update case_record set received_at = received_at - interval '1 day' where case_number = ?",
                yesterday);
        String far = report("PROPERTY.STAIRWELL_CLUTTER", LAT + 3 * FIFTY_METRES, LON, null);
        String otherKind = report("PROPERTY.WATER_LEAK", LAT, LON, null);
        String old = report("PROPERTY.STAIRWELL_CLUTTER", LAT, LON, null);
        awaitPlaced(old);
        jdbc.update("update case_record set received_at = received_at - interval '8 days' where case_number = ?",
                old);
        String closed = report("PROPERTY.STAIRWELL_CLUTTER", LAT, LON, null);
        awaitPlaced(closed);
        jdbc.update("update case_record set status = 'CLOSED' where case_number = ?", closed);

        List<String> found = nearby("PROPERTY.STAIRWELL_CLUTTER", LAT + FIFTY_METRES, LON);

        assertThat(found).contains(yesterday).doesNotContain(far, otherKind, old, closed);
        JsonNode offered = http.get("/api/resident/nearby?category=PROPERTY.STAIRWELL_CLUTTER&lat="
                + (LAT + FIFTY_METRES) + "&lon=" + LON).body().get(0);
        assertThat(offered.get("distanceMeters").asLong()).isBetween(45L, 55L);
        assertThat(offered.get("statusLabel").asText()).isNotBlank();
        // nothing personal, nothing the reporter wrote
        assertThat(offered.has("description")).isFalse();
        assertThat(offered.has("address")).isFalse();
        assertThat(offered.toString()).doesNotContain("李先生").doesNotContain("楼道里堆满杂物");
    }

    @Test
    void nearbyNamesTheMissingField() {
        ResidentHttp.Answer answer = http.get("/api/resident/nearby?lat=34.27&lon=108.88");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("category");
        assertThat(answer.body().get("errors").get(0).get("message").asText()).isEqualTo("必须填写");
        assertThat(http.get("/api/resident/nearby?category=X&lat=91&lon=108.88").status()).isEqualTo(400);
    }

    @Test
    void aCoReporterJoinsAndFollowsTheCaseWithATokenOfTheirOwn() {
        String number = report("PROPERTY.ELEVATOR_FAULT", LAT - 2 * FIFTY_METRES, LON, null);

        ResidentHttp.Answer joined = http.post("/api/resident/cases/" + number + "/co-reporters",
                Map.of("name", "赵阿姨", "phone", "13655505001"));

        assertThat(joined.status()).isEqualTo(201);
        String token = joined.body().get("trackingToken").asText();
        assertThat(joined.body().get("trackingPage").asText()).contains("/m/cases/" + number + "?token=" + token);
        assertThat(joined.body().get("reporterCount").asInt()).isEqualTo(2);
        JsonNode tracked = http.get("/api/resident/cases/" + number + "?token=" + token).body();
        assertThat(tracked.get("caseNumber").asText()).isEqualTo(number);
        assertThat(tracked.get("reporterCount").asInt()).isEqualTo(2);
        assertThat(tracked.toString()).doesNotContain("赵阿姨").doesNotContain("13655505001");
        assertThat(http.get("/api/resident/cases/" + number + "?token=wrong").status()).isEqualTo(404);
        assertThat(http.get("/api/resident/nearby?category=PROPERTY.ELEVATOR_FAULT&lat=" + (LAT - 2 * FIFTY_METRES)
                + "&lon=" + LON).body().get(0).get("reporterCount").asInt()).isEqualTo(2);
    }

    @Test
    void aCoReporterIsToldTheResultLikeTheReporter() {
        String number = report("PROPERTY.STAIRWELL_LIGHT", LAT - 6 * FIFTY_METRES, LON, "13655505010");
        http.post("/api/resident/cases/" + number + "/co-reporters", Map.of("phone", "13655505011"));
        String task = awaitValue(() -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey("Task_HandleOnTheSpot").singleResult(), t -> t.getId());

        engine.getTaskService().complete(task, Map.of("handledOnTheSpot", true, "onTheSpotNote", "已更换灯泡"));

        for (String phone : List.of("13655505010", "13655505011")) {
            String text = awaitValue(() -> jdbc.query("select text from notification_message where recipient = ?"
                    + " and template = 'REPORTER_FEEDBACK' and case_number = ?",
                    (rs, i) -> rs.getString(1), "reporter:" + phone, number).stream().findFirst().orElse(null),
                    t -> t);
            assertThat(text).contains(number).contains("已更换灯泡");
        }
    }

    static <T, R> R awaitValue(java.util.function.Supplier<T> probe, java.util.function.Function<T, R> then) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            T found = probe.get();
            if (found != null) {
                return then.apply(found);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Waited 30 s");
            }
            ResidentHttp.sleep(200);
        }
    }

    @Test
    void joiningIsRefusedForAClosedCaseAndABadPhone() {
        String number = report("PROPERTY.ELEVATOR_FAULT", LAT - 4 * FIFTY_METRES, LON, null);
        ResidentHttp.Answer badPhone = http.post("/api/resident/cases/" + number + "/co-reporters",
                Map.of("phone", "12345"));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body().get("errors").get(0).get("field").asText()).isEqualTo("phone");
        awaitPlaced(number);
        jdbc.update("update case_record set status = 'CLOSED' where case_number = ?", number);
        ResidentHttp.Answer closed = http.post("/api/resident/cases/" + number + "/co-reporters", Map.of());
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.body().get("detail").asText()).contains("已办结");
        assertThat(http.post("/api/resident/cases/XX-20250101-0001/co-reporters", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void myReportsOpenWithTheOneTimeCodeOnly() {
        String phone = "13655505002";
        String number = report("PROPERTY.STAIRWELL_LIGHT", LAT, LON - 2 * FIFTY_METRES, phone);

        assertThat(http.post("/api/resident/mine/code", Map.of("phone", phone)).status()).isEqualTo(202);
        String code = lastCode(phone);
        ResidentHttp.Answer wrong = http.post("/api/resident/mine/cases", Map.of("phone", phone,
                "code", code.equals("000000") ? "000001" : "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("errors").get(0).get("field").asText()).isEqualTo("code");

        ResidentHttp.Answer mine = http.post("/api/resident/mine/cases", Map.of("phone", phone, "code", code));

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().findValuesAsText("caseNumber")).containsExactly(number);
        assertThat(mine.body().get(0).get("trackingPage").asText()).contains("/m/cases/" + number + "?token=");
        // a code opens the list once
        assertThat(http.post("/api/resident/mine/cases", Map.of("phone", phone, "code", code)).status())
                .isEqualTo(400);
        // the code is stored hashed, never as it was sent
        assertThat(jdbc.queryForObject("select code_hash from resident_sign_in_code where phone = ?", String.class,
                phone)).doesNotContain(code);
    }

    @Test
    void fiveWrongTriesSpendTheCode() {
        String phone = "13655505003";
        http.post("/api/resident/mine/code", Map.of("phone", phone));
        String code = lastCode(phone);
        String wrong = code.equals("111111") ? "222222" : "111111";
        for (int i = 0; i < 5; i++) {
            http.post("/api/resident/mine/cases", Map.of("phone", phone, "code", wrong));
        }
        assertThat(http.post("/api/resident/mine/cases", Map.of("phone", phone, "code", code)).status())
                .isEqualTo(400);
    }

    @Test
    void codeRequestsAreLimitedPerPhone() {
        String phone = "13655505004";
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/resident/mine/code", Map.of("phone", phone)).status()).isEqualTo(202);
        }
        ResidentHttp.Answer refused = http.post("/api/resident/mine/code", Map.of("phone", phone));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get("detail").asText()).contains("获取验证码过于频繁");
        ResidentHttp.Answer badPhone = http.post("/api/resident/mine/code", Map.of("phone", "123"));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body().get("errors").get(0).get("field").asText()).isEqualTo("phone");
    }

    @Test
    void qrCodesDecodeToTheReportPageOfTheGrid() throws Exception {
        assertThat(decode("/api/resident/qr/" + GRID + ".png")).isEqualTo(http.base() + "/m/report?grid=" + GRID);
        // a community's code opens the report page of its first grid
        assertThat(decode("/api/resident/qr/610104007001.png")).isEqualTo(http.base() + "/m/report?grid=" + GRID);
        assertThat(http.get("/api/resident/qr/999999999999999.png").status()).isEqualTo(404);
    }

    @Test
    void categoriesAreListedInPlainWordsWithoutLogin() {
        JsonNode categories = http.get("/api/resident/categories").body();
        JsonNode light = null;
        for (JsonNode c : categories) {
            if (c.get("code").asText().equals("PROPERTY.STAIRWELL_LIGHT")) {
                light = c;
            }
        }
        assertThat(light).isNotNull();
        assertThat(light.get("name").asText()).isEqualTo("楼道照明");
        assertThat(light.get("group").asText()).isEqualTo("物业管理");
        assertThat(light.size()).isEqualTo(3);
        assertThat(categories.findValuesAsText("code")).doesNotContain("PROPERTY");
        JsonNode grids = http.get("/api/resident/grids").body();
        assertThat(grids.findValuesAsText("code")).contains(GRID);
    }

    @Test
    void theIntakeGivesResidentsTheTrackingPageAndAppsTheJson() {
        JsonNode opened = http.post("hotline", "/api/cases", Map.of("category", "PROPERTY.STAIRWELL_LIGHT",
                "description", "灯不亮", "address", "5号楼", "gridCode", GRID, "channel", "HOTLINE_12345")).body();
        assertThat(opened.get("trackingUrl").asText()).contains("/api/cases/" + opened.get("caseNumber").asText());
        assertThat(opened.get("trackingPage").asText()).contains("/m/cases/" + opened.get("caseNumber").asText()
                + "?token=");
        assertThat(http.get(opened.get("trackingPage").asText().replace(http.base(), "")).status()).isEqualTo(200);
    }

    @Test
    void thePagesArePublicWithTheWorkbenchsContentSecurityPolicy() {
        for (String page : List.of("/m/report", "/m/report?grid=" + GRID, "/m/mine", "/m/cases/TM-20250101-0001")) {
            ResidentHttp.Answer answer = http.get(page);
            assertThat(answer.status()).as(page).isEqualTo(200);
            assertThat(answer.header("Content-Security-Policy")).as(page)
                    .contains("script-src 'self' 'unsafe-eval'").contains("frame-ancestors 'none'");
            assertThat(new String(answer.bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("<div id=\"app\">");
        }
    }

    String lastCode(String phone) {
        String text = jdbc.queryForObject("select text from notification_message where recipient = ? and template ="
                + " 'RESIDENT_SIGN_IN_CODE' order by id desc limit 1", String.class, "reporter:" + phone);
        return text.replaceAll("(?s).*验证码是 (\\d{6}).*", "$1");
    }

    String decode(String path) throws IOException, NotFoundException, com.google.zxing.ChecksumException,
            com.google.zxing.FormatException {
        ResidentHttp.Answer png = http.get(path);
        assertThat(png.status()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}

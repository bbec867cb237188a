package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The evaluation API as the demo district's users call it over HTTP: a street's figures and the cases behind them
 * are its own street's; refusals are 400s naming the field and 403s in Chinese; a month closes once.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationApiTests {

    static final String TUMEN = "610104007";
    static final String HONGMIAO = "610104006";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String tumenCase;
    private String hongmiaoCase;

    @BeforeAll
    void twoCasesInTwoStreets() throws Exception {
        tumenCase = open("610104007001001", "13700005101");
        hongmiaoCase = open("610104006001001", "13700005102");
    }

    @Test
    void aStreetCountsAndListsOnlyItsOwnCases() throws Exception {
        JsonNode tumen = get("street.dispatcher", "/api/evaluation/overview?period=DAY").body();
        JsonNode byStreet = get("supervisor", "/api/evaluation/breakdown?period=DAY&dimension=STREET").body();

        assertThat(received(tumen.get("figures"))).isEqualTo(received(row(byStreet, TUMEN)));
        assertThat(received(row(byStreet, HONGMIAO))).isPositive();

        String behind = "/api/evaluation/cases?period=DAY&measure=RECEIVED&size=200";
        assertThat(get("street.dispatcher", behind).body().get("cases").findValuesAsText("caseNumber"))
                .contains(tumenCase).doesNotContain(hongmiaoCase);
        assertThat(get("hongmiao.dispatcher", behind).body().get("cases").findValuesAsText("caseNumber"))
                .contains(hongmiaoCase).doesNotContain(tumenCase);
        // asking for the other street's figures by its code gives nothing
        JsonNode other = get("street.dispatcher", "/api/evaluation/overview?period=DAY&unit=" + HONGMIAO).body();
        assertThat(received(other.get("figures"))).isZero();
    }

    @Test
    void answersWithEveryMeasuresDefinition() throws Exception {
        JsonNode measures = get("grid.worker", "/api/evaluation/measures").body();
        assertThat(measures.findValuesAsText("label")).contains("办结率", "按期办结率", "响应率", "解决率", "满意率",
                "重办率", "化解率");
        assertThat(measures.findValuesAsText("definition")).allSatisfy(d -> assertThat(d).isNotBlank());
    }

    @Test
    void refusesBadInputNamingTheFieldInChinese() throws Exception {
        Answer dimension = get("supervisor", "/api/evaluation/breakdown?dimension=PLANET");
        assertThat(dimension.status()).isEqualTo(400);
        assertThat(dimension.body().get("errors").get(0).get("field").asText()).isEqualTo("dimension");
        assertThat(dimension.body().get("detail").asText()).contains("分项维度");
        Answer date = get("supervisor", "/api/evaluation/overview?period=MONTH&date=2025-13-01");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.body().get("errors").get(0).get("field").asText()).isEqualTo("date");
        Answer level = get("supervisor", "/api/evaluation/hotspots?level=PLANET");
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.body().get("errors").get(0).get("field").asText()).isEqualTo("level");
        Answer unit = get("supervisor", "/api/evaluation/hotspots/compare?from=2025-01-01");
        assertThat(unit.status()).isEqualTo(400);
        assertThat(unit.body().get("errors").get(0).get("field").asText()).isEqualTo("unit");
        Answer month = get("supervisor", "/api/evaluation/departments?month=May");
        assertThat(month.status()).isEqualTo(400);
        assertThat(month.body().toString()).doesNotContain("Exception").doesNotContain("SQL");
    }

    @Test
    void onlyAnAdministratorClosesAMonthAndOnlyOnce() throws Exception {
        jdbc.update("DELETE FROM evaluation_month_row WHERE evaluated_month = '2020-01'");
        jdbc.update("DELETE FROM evaluation_month_log WHERE evaluated_month = '2020-01'");
        jdbc.update("DELETE FROM evaluation_month WHERE evaluated_month = '2020-01'");

        assertThat(post("supervisor", "/api/evaluation/departments/2020-01/close", "{}").status()).isEqualTo(403);
        Answer closed = post("admin", "/api/evaluation/departments/2020-01/close", "{}");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().get("frozen").asBoolean()).isTrue();
        Answer again = post("admin", "/api/evaluation/departments/2020-01/close", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asText()).contains("已关账");
        Answer noReason = post("admin", "/api/evaluation/departments/2020-01/recompute", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(get("supervisor", "/api/evaluation/departments/2020-01/log").body().findValuesAsText("actedBy"))
                .containsExactly("admin");
    }

    private String open(String grid, String phone) throws Exception {
        Answer opened = post("hotline", "/api/cases", json.writeValueAsString(Map.of("category",
                "MUNICIPAL.ROAD_DAMAGE", "description", "路面破损", "address", "测试地址", "gridCode", grid,
                "reporterName", "王女士", "reporterPhone", phone, "channel", "HOTLINE_12345")));
        assertThat(opened.status()).isEqualTo(201);
        String number = opened.body().get("caseNumber").asText();
        Instant deadline = Instant.now().plusSeconds(30);
        while (jdbc.queryForObject("SELECT COUNT(*) FROM case_fact WHERE case_number = ? AND street_code IS NOT NULL",
                Integer.class, number) == 0) {
            assertThat(Instant.now()).as("case placed by the job executor").isBefore(deadline);
            Thread.sleep(200);
        }
        return number;
    }

    private static JsonNode row(JsonNode breakdown, String key) {
        for (JsonNode row : breakdown.get("rows")) {
            if (key.equals(row.path("key").asText())) {
                return row.get("figures");
            }
        }
        throw new AssertionError("no row " + key + " in " + breakdown);
    }

    private static double received(JsonNode figures) {
        for (JsonNode figure : figures) {
            if (figure.get("measure").asText().equals("RECEIVED")) {
                return figure.get("value").asDouble();
            }
        }
        throw new AssertionError("no RECEIVED in " + figures);
    }

    record Answer(int status, JsonNode body) {
    }

    private Answer get(String user, String path) throws Exception {
        return send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }

    private Answer post(String user, String path, String body) throws Exception {
        return send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Answer send(String user, HttpRequest.Builder request) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = client.send(request.header("Authorization", "Basic " + credentials)
                .header("Accept-Language", "zh-CN").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String body = response.body();
        return new Answer(response.statusCode(), body == null || body.isBlank() ? null : json.readTree(body));
    }
}

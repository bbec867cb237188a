package org.gridcase.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.DemoDistrictTest;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A city app reports through Open311 GeoReport v2, the district handles the case like any other, and the app
 * follows it through GET requests/{id}: its lead department as agency_responsible, the handling deadline as
 * expected_datetime (in the district's offset), and closed at the end.
 */
@DemoDistrictTest
class Open311ScenarioTests {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    UnitService units;

    @Autowired
    JdbcTemplate jdbc;

    RestClient rest;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void client() {
        rest = new RestClient(port, engine);
    }

    @Test
    void anAppsReportOfBusesBlockingTheRoadIsWhistledHandledAndFollowedToItsClose() throws Exception {
        // given: an administrator has issued the city app its key
        RestClient.Answer app = rest.post("admin", "/api/admin/open311-apps",
                Map.of("id", "xian-city-app", "name", "西安市民通"));
        assertThat(app.status()).as(app.body().toString()).isEqualTo(201);
        String apiKey = app.body().get("apiKey").asText();
        Point stop = pointIn("610104007001");

        // when: the app reports buses blocking the road in 牡丹庄园社区 (土门街道)
        JsonNode created = post("/open311/v2/requests.json", Map.of("api_key", apiKey,
                "service_code", "TRAFFIC.BUS_BLOCKING", "lat", Double.toString(stop.getY()),
                "long", Double.toString(stop.getX()), "address_string", "牡丹庄园公交站",
                "description", "公交车排队进站，占满车道", "first_name", "女士", "last_name", "王",
                "phone", "13800007311"));
        String id = created.get(0).get("service_request_id").asText();
        assertThat(id).startsWith("TM-");
        assertThat(jdbc.queryForMap("SELECT channel, channel_source FROM case_record WHERE case_number = ?", id))
                .containsEntry("channel", "OPEN311").containsEntry("channel_source", "app:xian-city-app");
        // the street whistles, the departments check in
        rest.completeTask("street.dispatcher", id, "Task_BlowWhistle", Map.of(
                "departments", List.of("jiaojing", "gongjiao"), "leadDepartment", "jiaojing",
                "whistleNote", "请交警和公交公司到场"));
        for (String department : List.of("jiaojing", "gongjiao")) {
            rest.completeTask("dept." + department, id, "Task_CheckIn", Map.of("checkInNote", "已到场"));
        }
        rest.await("admin", "/engine-rest/task?processInstanceBusinessKey=" + id
                + "&taskDefinitionKey=Task_HandleOnSite", tasks -> tasks.size() == 1);

        // then: the app sees who handles it and by when, in the district's offset
        JsonNode handling = get("/open311/v2/requests/" + id + ".json").get(0);
        assertThat(handling.get("status").asText()).isEqualTo("open");
        assertThat(handling.get("status_notes").asText()).isEqualTo("处置中");
        assertThat(handling.get("agency_responsible").asText()).isEqualTo("莲湖交警大队");
        String expected = handling.get("expected_datetime").asText();
        assertThat(expected).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        Instant due = jdbc.queryForObject("SELECT handling_due FROM case_record WHERE case_number = ?",
                java.sql.Timestamp.class, id).toInstant();
        assertThat(OffsetDateTime.parse(expected).toInstant()).isEqualTo(due.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(handling.toString()).doesNotContain("13800007311").doesNotContain("王女士");

        // when: the lead resolves it and the community calls back
        rest.completeTask("dept.jiaojing", id, "Task_HandleOnSite", Map.of(
                "handlingOutcome", "RESOLVED", "handlingResult", "公交公司调整发车间隔，交警设置临时停靠区"));
        rest.completeTask("community.staff", id, "Task_ReturnVisit", Map.of(
                "resolution", "RESOLVED", "satisfaction", "SATISFIED", "returnVisitNote", "已回访"));

        // then: closed, updated at its closing
        JsonNode closed = awaitStatus(id, "closed");
        assertThat(closed.get("status_notes").asText()).isEqualTo("已办结");
        assertThat(closed.get("updated_datetime").asText()).endsWith("+08:00");
    }

    private JsonNode awaitStatus(String id, String status) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(30);
        while (true) {
            JsonNode request = get("/open311/v2/requests/" + id + ".json").get(0);
            if (request.get("status").asText().equals(status) || Instant.now().isAfter(giveUp)) {
                assertThat(request.get("status").asText()).isEqualTo(status);
                return request;
            }
            Thread.sleep(200);
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private Point pointIn(String communityCode) throws Exception {
        String boundary = units.list(UnitLevel.GRID, communityCode).get(0).boundary();
        return new WKTReader().read(boundary).getInteriorPoint();
    }
}

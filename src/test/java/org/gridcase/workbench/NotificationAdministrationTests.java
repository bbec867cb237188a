package org.gridcase.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The default profile's channels (log and in-app) deliver each message once after its step commits; the case page
 * and the auditors' timeline show each try; administrators see the channels' figures and the deliveries, and may
 * resend only what failed (the Prometheus figures: NotificationDeliveryTests, since @SpringBootTest turns metrics
 * export off).
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationAdministrationTests {

    static final String DAXING_GRID = "610104006001001";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    WorkbenchHttp http;

    @BeforeAll
    void client() {
        http = new WorkbenchHttp(port, engine);
    }

    /** A whistled case that the supervisor urged: the urge notifies the two summoned departments' groups. */
    private String urgedCase() {
        String number = http.openCase("hotline", Map.of("category", "TRAFFIC.BUS_BLOCKING", "description", "公交车堵路",
                "address", "大兴东路", "gridCode", DAXING_GRID, "reporterName", "李先生", "reporterPhone", "13700004002",
                "channel", "HOTLINE_12345"));
        http.completeTask("hongmiao.dispatcher", number, "Task_BlowWhistle", Map.of(
                "departments", List.of("chengguan", "jiaojing"), "leadDepartment", "chengguan", "whistleNote", "请到场"));
        http.await("dept.chengguan", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=Task_CheckIn", a -> a.status() == 200 && a.body().size() == 1);
        WorkbenchHttp.Answer urged = http.post("supervisor", "/api/workbench/cases/" + number + "/urges",
                Map.of("words", "群众再次来电"));
        assertThat(urged.status()).as("%s", urged.body()).isEqualTo(201);
        return number;
    }

    @Test
    void eachMessageIsDeliveredOnceAndEveryTryIsInTheCaseTimeline() {
        // given
        String number = urgedCase();

        // when the job executor has run the deliveries
        JsonNode deliveries = http.await("dept.chengguan", "/api/cases/" + number + "/notification-deliveries",
                a -> a.status() == 200 && a.body().size() >= 4
                        && a.body().findValuesAsText("outcome").stream().allMatch("已送达"::equals));

        // then: the routing table's bell for each summoned department (召集) and for each urged one (催办), each once;
        // the robots and SMS are not configured in this profile, so nothing else is planned
        assertThat(deliveries.findValuesAsText("channel")).containsExactly("inapp", "inapp", "inapp", "inapp");
        assertThat(deliveries.findValuesAsText("channelLabel")).containsOnly("站内消息");
        assertThat(deliveries.findValuesAsText("attempt")).containsOnly("1");
        JsonNode page = http.get("dept.chengguan", "/api/workbench/cases/" + number).body();
        assertThat(page.at("/deliveries").size()).isEqualTo(4);
        List<JsonNode> timeline = List.copyOf(http.get("auditor", "/api/audit/cases/" + number + "/timeline").body()
                .findParents("kind"));
        assertThat(timeline.stream().filter(e -> "NOTIFICATION_DELIVERY".equals(e.path("kind").asText()))
                .map(e -> e.path("label").asText())).hasSize(4).allSatisfy(title -> assertThat(title).startsWith("投递："));
        // a grid worker of another street does not work on the case: 404 as for its other details
        assertThat(http.get("grid.worker", "/api/cases/" + number + "/notification-deliveries").status()).isEqualTo(404);
    }

    @Test
    void administratorsSeeTheChannelsAndTheDeliveriesAndResendOnlyWhatFailed() {
        // given
        String number = urgedCase();
        // the urge's delivery among those sent (the summonses' deliveries of the same case may be sent after it)
        JsonNode sent = http.await("admin", "/api/admin/notifications/deliveries?status=SENT",
                a -> a.status() == 200 && a.body().findParents("caseNumber").stream().anyMatch(d ->
                        number.equals(d.path("caseNumber").asText()) && "URGE".equals(d.path("template").asText())));

        // when / then
        WorkbenchHttp.Answer channelsAnswer = http.get("admin", "/api/admin/notifications/channels");
        JsonNode channels = channelsAnswer.body();
        assertThat(channels.findValuesAsText("channel")).as("%s %s", channelsAnswer.status(), channels).contains("inapp", "log").doesNotContain("sms", "wecom");
        JsonNode inapp = channels.findParents("channel").stream()
                .filter(c -> "inapp".equals(c.path("channel").asText())).findFirst().orElseThrow();
        assertThat(inapp.path("label").asText()).isEqualTo("站内消息");
        assertThat(inapp.path("enabled").asBoolean()).isTrue();
        assertThat(inapp.path("sent").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(inapp.path("medianDelaySeconds").isNumber()).isTrue();
        JsonNode one = sent.findParents("caseNumber").stream()
                .filter(d -> number.equals(d.path("caseNumber").asText()) && "URGE".equals(d.path("template").asText()))
                .findFirst().orElseThrow();
        assertThat(one.path("templateLabel").asText()).isEqualTo("催办");
        assertThat(one.path("attempts").asInt()).isEqualTo(1);
        WorkbenchHttp.Answer again = http.post("admin", "/api/admin/notifications/deliveries/" + one.path("id").asLong()
                + "/resend", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("detail").asText()).contains("只有发送失败的才能重发");

        WorkbenchHttp.Answer badStatus = http.get("admin", "/api/admin/notifications/deliveries?status=LOST");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.response().body()).contains("status").doesNotContain("Exception");
        assertThat(http.post("admin", "/api/admin/notifications/deliveries/abc/resend", Map.of()).status())
                .isEqualTo(400);
        assertThat(http.post("admin", "/api/admin/notifications/deliveries/999999999/resend", Map.of()).status())
                .isEqualTo(404);
        assertThat(http.get("grid.worker", "/api/admin/notifications/channels").status()).isEqualTo(403);
        assertThat(http.post("supervisor", "/api/admin/notifications/deliveries/" + one.path("id").asLong()
                + "/resend", Map.of()).status()).isEqualTo(403);
        assertThat(http.get(null, "/api/admin/notifications/channels").status()).isEqualTo(401);
    }
}

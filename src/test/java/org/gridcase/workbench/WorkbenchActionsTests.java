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
 * 催办 and 督办 through the workbench API, and the case page: who may, how often, what the holder sees.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchActionsTests {

    static final String TUMEN_GRID = "610104007001001";
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

    /** A case whistled to the city management bureau (lead) and the traffic police, nobody checked in yet. */
    private String whistledCase() {
        String number = http.openCase("hotline", Map.of("category", "TRAFFIC.BUS_BLOCKING", "description", "公交车堵路",
                "address", "大兴东路", "gridCode", DAXING_GRID, "reporterName", "王女士", "reporterPhone", "13700004001",
                "channel", "HOTLINE_12345"));
        http.completeTask("hongmiao.dispatcher", number, "Task_BlowWhistle", Map.of(
                "departments", List.of("chengguan", "jiaojing"), "leadDepartment", "chengguan", "whistleNote", "请到场"));
        http.await("dept.chengguan", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=Task_CheckIn", a -> a.status() == 200 && a.body().size() == 1);
        return number;
    }

    @Test
    void theCasePageTellsEverythingAndLinksOnlyTheCallersTasks() {
        String number = whistledCase();

        JsonNode page = http.get("dept.chengguan", "/api/workbench/cases/" + number).body();

        assertThat(page.at("/report/gridName").asText()).isEqualTo("大兴东路社区第一网格");
        assertThat(page.at("/report/gridOutline").size()).isGreaterThan(3);
        assertThat(page.at("/report/reporterPhone").asText()).isEqualTo("137****4001");
        assertThat(page.at("/standing/statusLabel").asText()).isEqualTo("部门报到");
        assertThat(page.at("/departments").findValuesAsText("name")).containsExactly("莲湖区城市管理和综合执法局", "莲湖交警大队");
        assertThat(page.at("/departments/0/role").asText()).isEqualTo("主办");
        assertThat(page.at("/departments/0/checkIn").asText()).isEqualTo("未报到");
        assertThat(page.at("/steps").findValuesAsText("what")).contains("完成：街道吹哨");
        assertThat(page.at("/notes").findValuesAsText("text")).contains("【街道吹哨】请到场");
        // two check-ins open; the bureau may open its own in the Tasklist, not the traffic police's
        assertThat(page.at("/openTasks").size()).isEqualTo(2);
        assertThat(page.at("/openTasks").findValuesAsText("holder")).containsExactlyInAnyOrder("莲湖区城市管理和综合执法局", "莲湖交警大队");
        List<String> links = page.at("/openTasks").findValues("tasklistUrl").stream().filter(l -> !l.isNull())
                .map(JsonNode::asText).toList();
        assertThat(links).singleElement().asString().startsWith("/camunda/app/tasklist/default/#/?task=");
        assertThat(page.at("/actions/urge").asBoolean()).isFalse();
        assertThat(page.at("/actions/note").asBoolean()).isTrue();
        // the hotline member who took it sees the phone, and may urge
        JsonNode hotline = http.get("hotline", "/api/workbench/cases/" + number).body();
        assertThat(hotline.at("/report/reporterPhone").asText()).isEqualTo("13700004001");
        assertThat(hotline.at("/actions/urge").asBoolean()).isTrue();
        assertThat(hotline.at("/actions/supervise").asBoolean()).isFalse();
    }

    @Test
    void theCasePageShowsGridcasesOwnPhotosAsPicturesAndLeavesOthersAsLinks() {
        String own = "http://localhost:" + port + "/workbench/photos/stairwell.jpg";
        String outside = "https://photos.example.org/stairwell.jpg";
        String number = http.openCase("grid.worker", Map.of("category", "PROPERTY.STAIRWELL_LIGHT",
                "description", "楼道灯不亮", "address", "牡丹庄园3号楼", "gridCode", TUMEN_GRID,
                "channel", "GRID_WORKER", "photoLinks", List.of(own, outside)));

        JsonNode report = http.get("grid.worker", "/api/workbench/cases/" + number).body().get("report");

        assertThat(report.get("photoLinks")).extracting(JsonNode::asText).containsExactly(own, outside);
        assertThat(report.get("pictures")).extracting(JsonNode::asText).containsExactly(own);
    }

    @Test
    void theCasePageCountsTheResidentsAndTellsWhoGaveEachRoundsReturnVisit() throws Exception {
        // given: a stairwell light reported to 12345, two more residents joining it (我也遇到了)
        WorkbenchHttp.Answer opened = http.post("hotline", "/api/cases", Map.of("category", "PROPERTY.STAIRWELL_LIGHT",
                "description", "楼道灯不亮", "address", "牡丹庄园2号楼", "gridCode", TUMEN_GRID, "reporterName", "孙女士",
                "reporterPhone", "13700004010", "channel", "HOTLINE_12345"));
        assertThat(opened.status()).as("%s", opened.body()).isEqualTo(201);
        String number = opened.body().get("caseNumber").asText();
        String token = opened.body().get("trackingUrl").asText().replaceAll(".*[?&]token=", "");
        join(number, "{\"phone\":\"13700004011\"}", "198.18.14.1");
        join(number, "{}", "198.18.14.2");
        // round 1: handled on the spot, and the reporter rates it unresolved on her tracking page
        http.completeTask("grid.worker", number, "Task_HandleOnTheSpot", Map.of("handledOnTheSpot", true,
                "onTheSpotNote", "已更换灯泡"));
        http.await(null, "/api/cases/" + number + "?token=" + token,
                a -> a.status() == 200 && a.body().get("canRate").asBoolean());
        WorkbenchHttp.Answer rated = http.post(null, "/api/cases/" + number + "/rating?token=" + token,
                Map.of("resolution", "UNRESOLVED", "satisfaction", "UNSATISFIED", "comment", "灯还是不亮"));
        assertThat(rated.status()).as("%s", rated.body()).isEqualTo(200);
        // round 2: the property company repairs it, nobody rates in time, the community calls
        http.completeTask("dept.wuye", number, "Task_HandleOnSite", Map.of("handlingOutcome", "RESOLVED",
                "handlingResult", "更换线路，灯已亮"));
        http.completeTask("community.staff", number, "Task_ReturnVisit", Map.of("resolution", "RESOLVED",
                "satisfaction", "SATISFIED", "returnVisitNote", "电话回访，居民满意"));

        // when
        JsonNode page = http.await("supervisor", "/api/workbench/cases/" + number, a -> a.status() == 200
                && a.body().at("/standing/status").asText().equals("CLOSED"));

        // then
        assertThat(page.at("/report/coReporters").asLong()).isEqualTo(2);
        JsonNode rounds = page.get("returnVisits");
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).get("round").asInt()).isEqualTo(1);
        assertThat(rounds.get(0).get("by").asText()).isEqualTo("居民评价");
        assertThat(rounds.get(0).get("resolution").asText()).isEqualTo("未解决");
        assertThat(rounds.get(0).get("satisfaction").asText()).isEqualTo("不满意");
        assertThat(rounds.get(1).get("by").asText()).isEqualTo("社区回访");
        assertThat(rounds.get(1).get("resolution").asText()).isEqualTo("已解决");
        assertThat(rounds.get(1).get("satisfaction").asText()).isEqualTo("满意");
    }

    /** 我也遇到了, from a phone of its own address: joins are limited per address. */
    private void join(String number, String body, String address) throws Exception {
        var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/resident/cases/" + number + "/co-reporters"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    @Test
    void aSupervisorUrgesOnceAnHourAndTheHoldersAreReminded() {
        String number = whistledCase();

        WorkbenchHttp.Answer urged = http.post("supervisor", "/api/workbench/cases/" + number + "/urges",
                Map.of("words", "群众再次来电"));
        assertThat(urged.status()).as("%s", urged.body()).isEqualTo(201);
        assertThat(urged.body().findValuesAsText("holder")).containsExactlyInAnyOrder("莲湖区城市管理和综合执法局", "莲湖交警大队");

        // a second urge within the interval, by anyone, is refused with when it may be urged again
        WorkbenchHttp.Answer again = http.post("hongmiao.dispatcher", "/api/workbench/cases/" + number + "/urges",
                Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asText()).contains("后可再次催办");

        // the department sees it on its case page: urges, the notification to its group, the comment on its task
        JsonNode page = http.get("dept.chengguan", "/api/workbench/cases/" + number).body();
        assertThat(page.get("urgeCount").asInt()).isEqualTo(1);
        assertThat(page.at("/urges").findValuesAsText("words")).contains("群众再次来电");
        assertThat(page.at("/notifications").findValuesAsText("recipient")).contains("group:dept-chengguan");
        assertThat(page.at("/notifications").findValuesAsText("text"))
                .anySatisfy(text -> assertThat(text).startsWith("【催办】李秀兰催办工单 " + number).contains("部门报到")
                        .contains("留言：群众再次来电"));
        JsonNode task = http.get("dept.chengguan", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=Task_CheckIn&candidateGroup=dept-chengguan").body().get(0);
        // the check-in form in the Tasklist lists it among the case's notes (处置记录)
        JsonNode form = http.get("dept.chengguan", "/engine-rest/task/" + task.get("id").asText()
                + "/form-variables").body();
        assertThat(form.at("/notesHistory/value").asText()).contains("【催办】李秀兰催办工单 " + number);
    }

    @Test
    void onlySupervisorsTheStreetAndTheHotlineDeskThatTookItMayUrge() {
        String number = whistledCase();

        WorkbenchHttp.Answer byDepartment = http.post("dept.chengguan", "/api/workbench/cases/" + number + "/urges",
                Map.of());
        assertThat(byDepartment.status()).isEqualTo(403);
        assertThat(byDepartment.body().get("detail").asText()).contains("只有督办人员");
        assertThat(http.post("street.dispatcher", "/api/workbench/cases/" + number + "/urges", Map.of()).status())
                .as("another street does not see it").isEqualTo(404);
        assertThat(http.post("hotline", "/api/workbench/cases/" + number + "/urges",
                Map.of("words", "x".repeat(201))).status()).isEqualTo(400);
        assertThat(http.post("hotline", "/api/workbench/cases/" + number + "/urges", Map.of()).status())
                .isEqualTo(201);
    }

    @Test
    void aSupervisorOpensSupervisionByHandOnceAtATime() {
        String number = whistledCase();
        String path = "/api/workbench/cases/" + number + "/supervision";

        assertThat(http.post("dept.chengguan", path, Map.of("reason", "想督办")).status()).isEqualTo(403);
        assertThat(http.post("supervisor", path, Map.of("reason", " ")).status()).isEqualTo(400);
        WorkbenchHttp.Answer opened = http.post("supervisor", path, Map.of("reason", "群众多次来电反映"));
        assertThat(opened.status()).as("%s", opened.body()).isEqualTo(201);

        // the supervisors' task, in the Tasklist's 督办 filter; the reason on the case
        JsonNode tasks = http.await("supervisor", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=Task_SuperviseCaseByHand&candidateGroup=supervisors",
                a -> a.status() == 200 && a.body().size() == 1);
        assertThat(tasks.get(0).get("name").asText()).startsWith("督办 · " + number);
        JsonNode page = http.get("supervisor", "/api/workbench/cases/" + number).body();
        assertThat(page.at("/supervision/reason").asText()).isEqualTo("群众多次来电反映");
        assertThat(page.at("/notes").findValuesAsText("text")).contains("【发起督办】群众多次来电反映");
        assertThat(page.at("/openTasks").findValuesAsText("step")).contains("督办", "部门报到");

        WorkbenchHttp.Answer twice = http.post("supervisor", path, Map.of("reason", "再次督办"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("detail").asText()).contains("正在督办中");
    }

    @Test
    void aClosedCaseIsNeitherUrgedNorSupervised() {
        String number = http.openCase("grid.worker", TUMEN_GRID, "PROPERTY.STAIRWELL_LIGHT", "GRID_WORKER",
                "13700004002");
        http.completeTask("grid.worker", number, "Task_HandleOnTheSpot", Map.of("handledOnTheSpot", true,
                "onTheSpotNote", "已更换灯泡"));
        http.completeTask("community.staff", number, "Task_ReturnVisit", Map.of("resolution", "RESOLVED",
                "satisfaction", "SATISFIED", "returnVisitNote", "满意"));
        http.await("supervisor", "/api/workbench/cases/" + number, a -> a.status() == 200
                && a.body().at("/standing/status").asText().equals("CLOSED"));

        WorkbenchHttp.Answer urge = http.post("supervisor", "/api/workbench/cases/" + number + "/urges", Map.of());
        assertThat(urge.status()).isEqualTo(409);
        assertThat(urge.body().get("detail").asText()).contains("已办结");
        WorkbenchHttp.Answer supervise = http.post("supervisor", "/api/workbench/cases/" + number + "/supervision",
                Map.of("reason", "复查"));
        assertThat(supervise.status()).isEqualTo(409);
        assertThat(supervise.body().get("detail").asText()).contains("已办结");
    }

    @Test
    void theHotlineFindsCasesByTheWholePhoneNumber() {
        String number = http.openCase("hotline", Map.of("category", "TRAFFIC.BUS_BLOCKING", "description", "公交车堵路",
                "address", "大兴东路", "gridCode", DAXING_GRID, "reporterName", "赵先生", "reporterPhone", "13700004003",
                "channel", "HOTLINE_12345"));

        JsonNode found = http.get("hotline", "/api/workbench/lookup?phone=13700004003").body();
        assertThat(found.get("items").findValuesAsText("caseNumber")).containsExactly(number);
        assertThat(found.at("/items/0/holders").toString()).contains("红庙坡街道");
        WorkbenchHttp.Answer partial = http.get("hotline", "/api/workbench/lookup?phone=1370000");
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.body().at("/errors/0/field").asText()).isEqualTo("phone");
        // a street that may not see the phone finds nothing by it
        assertThat(http.get("hongmiao.dispatcher", "/api/workbench/lookup?phone=13700004003").body()
                .get("items").size()).isZero();
    }
}

package org.gridcase.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The street's board, the district board and the map as each kind of caller sees them. Two cases: buses blocking a
 * road in 红庙坡, whistled to the city management bureau (which checks in) and the traffic police; and road
 * subsidence in 土门, an emergency whose four departments must check in within 30 minutes on the clock. The lights
 * are driven by moving the engine's clock (ClockUtil.offset), which the boards read as "now".
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchBoardsTests {

    static final String TUMEN = "610104007";
    static final String HONGMIAO = "610104006";
    static final String TUMEN_GRID = "610104007001001";
    static final String DAXING_GRID = "610104006001001";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    WorkbenchHttp http;
    String bus;

    @BeforeAll
    void openAWhistledCase() {
        http = new WorkbenchHttp(port, engine);
        bus = http.openCase("hotline", Map.of("category", "TRAFFIC.BUS_BLOCKING", "description", "公交车排队堵路",
                "address", "大兴东路小白杨站", "gridCode", DAXING_GRID, "reporterName", "王女士",
                "reporterPhone", "13700004001", "channel", "HOTLINE_12345"));
        http.completeTask("hongmiao.dispatcher", bus, "Task_BlowWhistle", Map.of(
                "departments", List.of("chengguan", "jiaojing"), "leadDepartment", "chengguan",
                "whistleNote", "请城管、交警到场"));
        http.completeTask("dept.chengguan", bus, "Task_CheckIn", Map.of("checkInNote", "城管已到场"));
    }

    @AfterEach
    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachStreetSeesOnlyItsOwnCasesOnItsBoard() {
        String emergency = openEmergency();
        assertThat(numbers(board("hongmiao.dispatcher", ""))).contains(bus).doesNotContain(emergency);
        assertThat(numbers(board("street.dispatcher", ""))).contains(emergency).doesNotContain(bus);
        assertThat(board("street.dispatcher", "").get("streets").findValuesAsText("code")).containsExactly(TUMEN);
        // another street's board is refused, in Chinese
        WorkbenchHttp.Answer other = http.get("street.dispatcher", "/api/workbench/boards/street?street=" + HONGMIAO);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().get("detail").asText()).isEqualTo("只能查看本街道的看板");
    }

    @Test
    void supervisorsChooseAStreetOthersAreRefused() {
        JsonNode hongmiao = board("supervisor", "?street=" + HONGMIAO);
        assertThat(numbers(hongmiao)).contains(bus);
        assertThat(hongmiao.get("streetName").asText()).isEqualTo("红庙坡街道");
        assertThat(hongmiao.get("streets").findValuesAsText("code")).contains(TUMEN, HONGMIAO);
        for (String user : List.of("dept.chengguan", "grid.worker", "hotline", "cs.610104006001")) {
            WorkbenchHttp.Answer refused = http.get(user, "/api/workbench/boards/street");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.body().get("detail").asText()).as(user).contains("街道看板供街道工作人员");
        }
        WorkbenchHttp.Answer bad = http.get("supervisor", "/api/workbench/boards/street?street=61");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("street");
        assertThat(http.get("supervisor", "/api/workbench/boards/street?street=610104999").status()).isEqualTo(404);
    }

    @Test
    void theBoardShowsLeadAndAssistingDepartmentsAndWorkingTimeLeft() {
        JsonNode row = row(board("hongmiao.dispatcher", ""), bus);
        assertThat(row.get("statusLabel").asText()).isEqualTo("部门报到");
        assertThat(row.get("workingTime").asBoolean()).isTrue();
        JsonNode chengguan = department(row, "chengguan");
        assertThat(chengguan.get("role").asText()).isEqualTo("主办");
        assertThat(chengguan.get("name").asText()).isEqualTo("莲湖区城市管理和综合执法局");
        assertThat(chengguan.get("light").asText()).isEqualTo("GREEN");
        assertThat(chengguan.get("lightLabel").asText()).isEqualTo("已按时报到");
        JsonNode jiaojing = department(row, "jiaojing");
        assertThat(jiaojing.get("role").asText()).isEqualTo("协办");
        assertThat(jiaojing.get("light").asText()).isIn("NONE", "YELLOW");
        assertThat(jiaojing.get("timeLeft").asText()).endsWith("（工作时间）");
    }

    @Test
    void aDepartmentsLightTurnsYellowAtTheWarningAndRedWhenLate() {
        String emergency = openEmergency();
        JsonNode row = row(board("street.dispatcher", ""), emergency);
        assertThat(row.get("workingTime").asBoolean()).as("emergencies run on the clock").isFalse();
        assertThat(lights(row)).containsValues("NONE").doesNotContainValue("YELLOW");
        assertThat(department(row, "zhujian").get("role").asText()).isEqualTo("主办");
        assertThat(department(row, "xiaofang").get("timeLeft").asText()).matches("剩余 (2\\d|30) 分钟");

        // checked in at once: green
        http.completeTask("dept.zhujian", emergency, "Task_CheckIn", Map.of("checkInNote", "住建已到场"));
        assertThat(lights(row("street.dispatcher", emergency))).containsEntry("zhujian", "GREEN")
                .containsEntry("chengguan", "NONE");

        // 25 minutes on: past the ladder's warning (80 % of 30 minutes), not yet due: yellow
        ClockUtil.offset(Duration.ofMinutes(25).toMillis());
        row = row("street.dispatcher", emergency);
        assertThat(lights(row)).containsEntry("zhujian", "GREEN").containsEntry("chengguan", "YELLOW")
                .containsEntry("xiaofang", "YELLOW");
        assertThat(department(row, "chengguan").get("lightLabel").asText()).isEqualTo("即将超时");
        assertThat(department(row, "chengguan").get("timeLeft").asText()).matches("剩余 [45] 分钟");
        http.completeTask("dept.chengguan", emergency, "Task_CheckIn", Map.of("checkInNote", "城管已到场"));
        assertThat(lights(row("street.dispatcher", emergency))).containsEntry("chengguan", "GREEN");

        // 31 minutes on: past due without a check-in: red, on the street's board and the district's
        ClockUtil.offset(Duration.ofMinutes(31).toMillis());
        row = row("street.dispatcher", emergency);
        assertThat(lights(row)).containsEntry("zhujian", "GREEN").containsEntry("chengguan", "GREEN")
                .containsEntry("xiaofang", "RED").containsEntry("shuiwu", "RED");
        assertThat(department(row, "xiaofang").get("lightLabel").asText()).isEqualTo("逾期未报到");
        assertThat(row.get("overdue").asBoolean()).isTrue();
        JsonNode district = district("supervisor");
        JsonNode listed = row(district, emergency);
        assertThat(listed.get("reasons").toString()).contains("应急", "报到超时");
        assertThat(count(district.get("byDepartment"), "xiaofang").get("overdue").asInt()).isPositive();
        assertThat(count(district.get("byStreet"), TUMEN).get("overdue").asInt()).isPositive();

        // checked in late: stays red
        http.completeTask("dept.xiaofang", emergency, "Task_CheckIn", Map.of("checkInNote", "消防已到场"));
        row = row("street.dispatcher", emergency);
        assertThat(lights(row)).containsEntry("xiaofang", "RED");
        assertThat(department(row, "xiaofang").get("lightLabel").asText()).isEqualTo("超时报到");
    }

    @Test
    void aReportLeftUnplacedPastItsLimitReachesTheDistrictBoard() {
        // a gas leak at a point in no grid: the dispatchers must place it by hand within 15 minutes on the clock
        WorkbenchHttp.Answer opened = http.post("grid.leader", "/api/cases", Map.of("category", "SAFETY.GAS_LEAK",
                "urgency", "EMERGENCY", "description", "闻到燃气味，位置不明", "address", "莲湖路某处", "lat", 10.0,
                "lon", 10.0, "reporterName", "钱先生", "channel", "GRID_WORKER"));
        assertThat(opened.status()).as("%s", opened.body()).isEqualTo(201);
        String lost = opened.body().get("caseNumber").asText();
        http.await("street.dispatcher", "/engine-rest/task?taskDefinitionKey=Task_PlaceReportByHand"
                + "&processInstanceBusinessKey=" + lost, a -> a.status() == 200 && a.body().size() == 1);
        JsonNode listed = row(district("supervisor"), lost);
        assertThat(listed.get("overdue").asBoolean()).isFalse();
        assertThat(listed.get("reasons").toString()).contains("应急").doesNotContain("定位超时");

        // 16 minutes on, nobody has placed it: overdue on the district board, whoever holds the task
        ClockUtil.offset(Duration.ofMinutes(16).toMillis());
        JsonNode district = district("supervisor");
        listed = row(district, lost);
        assertThat(listed.get("overdue").asBoolean()).isTrue();
        assertThat(listed.get("reasons").toString()).contains("应急", "定位超时");
        assertThat(count(district.get("byStreet"), "").get("overdue").asInt()).isPositive();
        // the map's 已超时 finds it, and paints it as late, not as a mere emergency
        JsonNode overdueOnTheMap = http.get("supervisor", "/api/workbench/map/cases?flags=OVERDUE").body()
                .get("cases").findParents("caseNumber").stream()
                .filter(p -> p.get("caseNumber").asText().equals(lost)).findFirst().orElseThrow();
        assertThat(overdueOnTheMap.get("overdue").asBoolean()).isTrue();
        assertThat(overdueOnTheMap.get("tone").asText()).isEqualTo("red");
    }

    @Test
    void theDistrictBoardIsForSupervisorsOnly() {
        String emergency = openEmergency();
        JsonNode district = district("supervisor");
        assertThat(numbers(district)).contains(emergency).doesNotContain(bus);
        assertThat(row(district, emergency).get("reasons").toString()).contains("应急");
        assertThat(district.get("emergencies").asInt()).isPositive();
        for (String user : List.of("grid.worker", "street.dispatcher", "dept.chengguan", "hotline")) {
            WorkbenchHttp.Answer refused = http.get(user, "/api/workbench/boards/district");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.body().get("detail").asText()).as(user).isEqualTo("区级看板仅供区督办和区领导小组查看");
        }
    }

    @Test
    void theMapShowsTheCallersGridsAndCases() {
        String emergency = openEmergency();
        List<String> gridWorkers = http.get("grid.worker", "/api/workbench/map/grids").body()
                .findValuesAsText("code");
        assertThat(gridWorkers).containsExactly(TUMEN_GRID);
        List<String> street = http.get("street.dispatcher", "/api/workbench/map/grids").body().findValuesAsText("code");
        assertThat(street).hasSize(9).allMatch(code -> code.startsWith(TUMEN));
        assertThat(http.get("supervisor", "/api/workbench/map/grids").body().size()).isEqualTo(15);
        JsonNode grid = http.get("grid.worker", "/api/workbench/map/grids").body().get(0);
        assertThat(grid.get("name").asText()).isEqualTo("牡丹庄园社区第一网格");
        assertThat(grid.get("outline").get(0).get(0).asDouble()).isBetween(34.25, 34.29); // latitude first

        JsonNode points = http.get("street.dispatcher", "/api/workbench/map/cases").body();
        assertThat(points.get("cases").findValuesAsText("caseNumber")).contains(emergency).doesNotContain(bus);
        JsonNode point = points.get("cases").findParents("caseNumber").stream()
                .filter(p -> p.get("caseNumber").asText().equals(emergency)).findFirst().orElseThrow();
        assertThat(point.get("lat").asDouble()).isEqualTo(34.2795);
        assertThat(point.get("tone").asText()).isEqualTo("orange");
        assertThat(point.get("approximate").asBoolean()).isFalse();
        assertThat(caseNumbers("supervisor", "?flags=EMERGENCY")).contains(emergency).doesNotContain(bus);
        assertThat(caseNumbers("supervisor", "?street=" + HONGMIAO)).contains(bus).doesNotContain(emergency);
        assertThat(caseNumbers("supervisor", "?category=TRAFFIC")).contains(bus).doesNotContain(emergency);
        assertThat(caseNumbers("supervisor", "?status=CHECKING_IN")).contains(bus);
        // the bus report has no coordinates: it is placed inside its grid
        JsonNode busPoint = http.get("hongmiao.dispatcher", "/api/workbench/map/cases").body().get("cases")
                .findParents("caseNumber").stream().filter(p -> p.get("caseNumber").asText().equals(bus))
                .findFirst().orElseThrow();
        assertThat(busPoint.get("approximate").asBoolean()).isTrue();

        WorkbenchHttp.Answer bad = http.get("supervisor", "/api/workbench/map/cases?flags=LATE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("flags");
        assertThat(http.get("supervisor", "/api/workbench/map/cases?status=CLOSED").body().get("errors").get(0)
                .get("field").asText()).isEqualTo("status");
        assertThat(http.get("supervisor", "/api/workbench/map/settings").body().get("tileUrl").isNull()).isTrue();
    }

    /** Road subsidence in 土门's first grid: four departments summoned at once, 30 minutes on the clock. */
    private String openEmergency() {
        String number = http.openCase("grid.leader", Map.of("category", "SAFETY.ROAD_SUBSIDENCE",
                "urgency", "EMERGENCY", "description", "路面塌陷冒烟", "address", "丰禾路口", "gridCode", TUMEN_GRID,
                "lat", 34.2795, "lon", 108.8835, "reporterName", "黄卫东", "channel", "GRID_WORKER"));
        http.await("street.dispatcher", "/api/workbench/boards/street", answer -> answer.status() == 200
                && answer.body().get("cases").findParents("caseNumber").stream()
                        .anyMatch(r -> r.get("caseNumber").asText().equals(number) && r.get("departments").size() == 4));
        return number;
    }

    private JsonNode board(String user, String query) {
        WorkbenchHttp.Answer answer = http.get(user, "/api/workbench/boards/street" + query);
        assertThat(answer.status()).as("%s %s: %s", user, query, answer.body()).isEqualTo(200);
        return answer.body();
    }

    private JsonNode district(String user) {
        WorkbenchHttp.Answer answer = http.get(user, "/api/workbench/boards/district");
        assertThat(answer.status()).as("%s: %s", user, answer.body()).isEqualTo(200);
        return answer.body();
    }

    private JsonNode row(String user, String number) {
        return row(board(user, ""), number);
    }

    private static JsonNode row(JsonNode board, String number) {
        return first(board.get("cases"), r -> r.get("caseNumber").asText().equals(number));
    }

    private static JsonNode department(JsonNode row, String code) {
        return first(row.get("departments"), d -> d.get("code").asText().equals(code));
    }

    private static JsonNode count(JsonNode counts, String code) {
        return first(counts, c -> c.get("code").asText().equals(code));
    }

    private static JsonNode first(JsonNode array, Predicate<JsonNode> condition) {
        for (JsonNode item : array) {
            if (condition.test(item)) {
                return item;
            }
        }
        throw new AssertionError("Nothing matching in " + array);
    }

    private static Map<String, String> lights(JsonNode row) {
        Map<String, String> lights = new java.util.LinkedHashMap<>();
        row.get("departments").forEach(d -> lights.put(d.get("code").asText(), d.get("light").asText()));
        return lights;
    }

    private static List<String> numbers(JsonNode board) {
        return board.get("cases").findValuesAsText("caseNumber");
    }

    private List<String> caseNumbers(String user, String query) {
        WorkbenchHttp.Answer answer = http.get(user, "/api/workbench/map/cases" + query);
        assertThat(answer.status()).as("%s %s: %s", user, query, answer.body()).isEqualTo(200);
        return answer.body().get("cases").findValuesAsText("caseNumber");
    }
}

package org.gridcase.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import db.migration.V63__case_step_due;
import db.migration.V64__consultation_meeting_is_handling;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.DemoDistrictTest;
import org.gridcase.casework.RatingWindow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case list as each kind of caller sees it, and every filter. Three cases: a stairwell light in 土门's first
 * grid (the grid worker's), buses blocking a road in 红庙坡 taken by the hotline and whistled to the city
 * management bureau (which checks in) and the traffic police, and an emergency in 土门 with four departments
 * due to check in within half an hour.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchCaseListTests {

    static final String TUMEN_GRID = "610104007001001";
    static final String DAXING_GRID = "610104006001001";
    static final String LIGHT_PHONE = "13700003001";
    static final String BUS_PHONE = "13700003002";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    WorkbenchHttp http;
    String light;
    String bus;
    String emergency;

    @BeforeAll
    void openThreeCases() {
        http = new WorkbenchHttp(port, engine);
        light = http.openCase("grid.worker", Map.of("category", "PROPERTY.STAIRWELL_LIGHT",
                "description", "7号楼楼道灯不亮", "address", "牡丹庄园7号楼1单元", "gridCode", TUMEN_GRID,
                "reporterName", "李先生", "reporterPhone", LIGHT_PHONE, "channel", "GRID_WORKER"));
        bus = http.openCase("hotline", Map.of("category", "TRAFFIC.BUS_BLOCKING", "description", "公交车排队堵路",
                "address", "大兴东路小白杨站", "gridCode", DAXING_GRID, "reporterName", "王女士",
                "reporterPhone", BUS_PHONE, "channel", "HOTLINE_12345"));
        http.completeTask("hongmiao.dispatcher", bus, "Task_BlowWhistle", Map.of(
                "departments", List.of("chengguan", "jiaojing"), "leadDepartment", "chengguan",
                "whistleNote", "请城管、交警到场"));
        http.completeTask("dept.chengguan", bus, "Task_CheckIn", Map.of("checkInNote", "城管已到场"));
        emergency = http.openCase("grid.leader", Map.of("category", "SAFETY.ROAD_SUBSIDENCE", "urgency", "EMERGENCY",
                "description", "路面塌陷", "address", "丰禾路口", "gridCode", TUMEN_GRID, "reporterName", "黄卫东",
                "channel", "GRID_WORKER"));
    }

    @Test
    void theGridWorkerSeesTheGridsCases() {
        assertThat(numbers("grid.worker", "unit=" + TUMEN_GRID)).contains(light, emergency).doesNotContain(bus);
        assertThat(numbers("grid.worker", "")).doesNotContain(bus);
    }

    @Test
    void eachStreetSeesItsOwnCases() {
        assertThat(numbers("street.dispatcher", "")).contains(light, emergency).doesNotContain(bus);
        assertThat(numbers("hongmiao.dispatcher", "")).contains(bus).doesNotContain(light, emergency);
    }

    @Test
    void aDepartmentSeesTheCasesItWasSummonedTo() {
        assertThat(numbers("dept.chengguan", "")).contains(bus, emergency).doesNotContain(light);
        assertThat(numbers("dept.jiaojing", "")).contains(bus).doesNotContain(light, emergency);
        assertThat(numbers("supervisor", "department=jiaojing")).contains(bus).doesNotContain(light, emergency);
    }

    @Test
    void aDepartmentFindsTheCasesItLeadsApartFromThoseItAssists() {
        assertThat(numbers("dept.chengguan", "lead=chengguan")).contains(bus).doesNotContain(light);
        assertThat(numbers("dept.jiaojing", "department=jiaojing")).contains(bus);
        assertThat(numbers("dept.jiaojing", "lead=jiaojing")).doesNotContain(bus);
        assertThat(http.get("dept.jiaojing", "/api/workbench/me").body().get("views").findValuesAsText("label"))
                .contains("本部门", "本部门主办");
        assertRefused("lead=Not%20a%20code", "lead", "部门编码格式不正确");
    }

    @Test
    void theHotlineSeesTheCasesItTookAndFindsThemByPhone() {
        assertThat(numbers("hotline", "")).contains(bus).doesNotContain(light, emergency);
        assertThat(numbers("hotline", "openedByMe=true")).contains(bus).doesNotContain(light);
        assertThat(numbers("hotline", "phone=" + BUS_PHONE)).containsExactly(bus);
        JsonNode row = list("hotline", "number=" + bus).get("items").get(0);
        assertThat(row.get("statusLabel").asText()).isEqualTo("部门报到");
        assertThat(row.get("holders").toString()).contains("交警大队").doesNotContain("jiaojing");
    }

    @Test
    void aPhoneFindsOnlyCasesWhosePhoneTheCallerMaySee() {
        // the street works on the case but sees the phone masked: the number finds nothing
        assertThat(numbers("hongmiao.dispatcher", "phone=" + BUS_PHONE)).isEmpty();
        assertThat(numbers("supervisor", "phone=" + BUS_PHONE)).isEmpty();
        // the community that calls back finds it
        assertThat(numbers("cs.610104006001", "phone=" + BUS_PHONE)).containsExactly(bus);
    }

    @Test
    void aSupervisorFiltersByEveryCriterion() {
        assertThat(numbers("supervisor", "number=" + light)).containsExactly(light);
        assertThat(numbers("supervisor", "number=" + light.substring(0, 11))).contains(light, emergency);
        assertThat(numbers("supervisor", "category=TRAFFIC")).contains(bus).doesNotContain(light, emergency);
        assertThat(numbers("supervisor", "category=TRAFFIC.BUS_BLOCKING")).contains(bus).doesNotContain(light);
        assertThat(numbers("supervisor", "address=牡丹庄园7号楼")).containsExactly(light);
        assertThat(numbers("supervisor", "status=CHECKING_IN")).contains(bus).doesNotContain(light);
        assertThat(numbers("supervisor", "unit=610104006001")).contains(bus).doesNotContain(light, emergency);
        assertThat(numbers("supervisor", "unit=610104007")).contains(light, emergency).doesNotContain(bus);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(numbers("supervisor", "from=" + today + "&to=" + today)).contains(light, bus, emergency);
        assertThat(numbers("supervisor", "from=" + today.plusDays(1))).isEmpty();
        assertThat(numbers("supervisor", "to=" + today.minusDays(1))).doesNotContain(light, bus, emergency);
        assertThat(numbers("supervisor", "open=true")).contains(light, bus, emergency);
    }

    @Test
    void flagsFindEmergenciesAndCasesNearTheirDeadline() {
        assertThat(numbers("supervisor", "flags=EMERGENCY")).contains(emergency).doesNotContain(light, bus);
        // four check-ins due within half an hour (on the clock): inside the next four working hours
        assertThat(numbers("supervisor", "flags=NEAR_DUE")).contains(emergency);
        assertThat(numbers("supervisor", "flags=REOPENED")).doesNotContain(light, bus, emergency);
        assertThat(numbers("supervisor", "flags=RETURNED,ESCALATED")).doesNotContain(light, bus, emergency);
        assertThat(numbers("supervisor", "flags=OVERDUE")).doesNotContain(light, bus, emergency);
        JsonNode row = list("supervisor", "number=" + emergency).get("items").get(0);
        assertThat(row.get("flags").findValuesAsText("label")).contains("应急", "即将超时");
    }

    @Test
    void actedByMeIsWhatTheCallerDidOrOpened() {
        assertThat(numbers("dept.chengguan", "actedByMe=true")).contains(bus).doesNotContain(emergency);
        assertThat(numbers("hongmiao.dispatcher", "actedByMe=true")).contains(bus);
        assertThat(numbers("hotline", "actedByMe=true")).contains(bus);
        assertThat(numbers("dept.jiaojing", "actedByMe=true")).doesNotContain(bus);
    }

    @Test
    void sortsByTheSoonestDeadlineOpenCasesFirst() {
        JsonNode items = list("supervisor", "sort=deadline&size=100").get("items");
        List<String> deadlines = new ArrayList<>();
        boolean closedSeen = false;
        for (JsonNode row : items) {
            boolean closed = row.get("status").asText().equals("CLOSED");
            assertThat(closed || !closedSeen).as("open cases before closed ones").isTrue();
            closedSeen |= closed;
            if (!closed && !row.get("deadline").isNull()) {
                deadlines.add(row.get("deadline").asText());
            }
        }
        assertThat(deadlines).isSortedAccordingTo((a, b) -> java.time.Instant.parse(a).compareTo(
                java.time.Instant.parse(b)));
    }

    @Test
    void aCaseWaitingForTheGridsResponseShowsTheDeadlineItIsSortedBy() {
        int waiting = 0;
        for (JsonNode row : list("supervisor", "sort=deadline&size=100").get("items")) {
            if (!Set.of("ON_THE_SPOT", "WHISTLED").contains(row.get("status").asText())) {
                continue;
            }
            waiting++;
            java.sql.Timestamp due = jdbc.queryForObject("SELECT dispatch_due FROM case_record WHERE case_number = ?",
                    java.sql.Timestamp.class, row.get("caseNumber").asText());
            // the step's task is due at the same limit counted a moment later: the list sorts by the record's
            assertThat(Instant.parse(row.get("deadline").asText())).as(row.get("caseNumber").asText())
                    .isEqualTo(due.toInstant());
        }
        assertThat(waiting).as("the stairwell light waits for the grid's response").isPositive();
    }

    @Test
    void theRecordKeepsTheDeadlineEachCaseWaitsOnAtEveryStep() {
        String blocked = http.openCase("hotline", Map.of("category", "TRAFFIC.BUS_BLOCKING", "description",
                "公交车占道", "address", "大兴东路口", "gridCode", DAXING_GRID, "reporterName", "赵先生",
                "reporterPhone", "13700003009", "channel", "HOTLINE_12345"));
        assertThat(keptDeadline(blocked)).as("waiting for the whistle").isEqualTo(column(blocked, "dispatch_due"));
        http.completeTask("hongmiao.dispatcher", blocked, "Task_BlowWhistle", Map.of(
                "departments", List.of("chengguan", "jiaojing"), "leadDepartment", "chengguan",
                "whistleNote", "请城管、交警到场"));
        java.sql.Timestamp summoned = keptDeadline(blocked);
        assertThat(summoned).as("both check-ins outstanding").isNotNull()
                .isEqualTo(jdbc.queryForObject("SELECT MIN(d.check_in_due) FROM case_department d JOIN case_record r"
                        + " ON r.id = d.case_id WHERE r.case_number = ?", java.sql.Timestamp.class, blocked));
        http.completeTask("dept.jiaojing", blocked, "Task_CheckIn", Map.of("checkInNote", "交警已到场"));
        // a check-in leaves the record alone (concurrent ones must not meet on it): the round's earliest due stays,
        // within a second of the city management bureau's, summoned in the same step under the same limit
        assertThat(keptDeadline(blocked)).as("one check-in outstanding").isEqualTo(summoned);
        assertThat(Duration.between(summoned.toInstant(), jdbc.queryForObject("SELECT d.check_in_due FROM"
                + " case_department d JOIN case_record r ON r.id = d.case_id WHERE r.case_number = ?"
                + " AND d.department_code = 'chengguan'", java.sql.Timestamp.class, blocked).toInstant()))
                .isBetween(Duration.ZERO, Duration.ofSeconds(1));
        http.completeTask("dept.chengguan", blocked, "Task_CheckIn", Map.of("checkInNote", "城管已到场"));
        http.await("supervisor", "/api/cases/" + blocked, a -> a.status() == 200
                && "HANDLING".equals(a.body().path("status").asText()));
        assertThat(keptDeadline(blocked)).as("handling").isNotNull().isEqualTo(column(blocked, "handling_due"));
        // every open case of the suite so far agrees with the deadline worked out afresh, or while its departments
        // check in, keeps its round's earliest due: never later than an outstanding check-in's
        assertThat(jdbc.queryForList("SELECT case_number FROM case_record r WHERE status NOT IN ('CLOSED',"
                + " 'CHECKING_IN') AND next_due IS DISTINCT FROM " + V63__case_step_due.NEXT_DUE, String.class))
                .isEmpty();
        assertThat(jdbc.queryForList("SELECT case_number FROM case_record r WHERE status = 'CHECKING_IN' AND (next_due"
                + " IS NULL OR next_due > (SELECT MIN(d.check_in_due) FROM case_department d WHERE d.case_id = r.id"
                + " AND d.checked_in_at IS NULL))", String.class)).isEmpty();
    }

    @Test
    void aCaseAtItsReturnVisitShowsTheDeadlineItIsSortedBy() {
        String visited = http.openCase("hotline", Map.of("category", "PROPERTY.STAIRWELL_LIGHT", "description",
                "3号楼楼道灯不亮", "address", "牡丹庄园3号楼", "gridCode", TUMEN_GRID, "reporterName", "周女士",
                "reporterPhone", "13700003010", "channel", "HOTLINE_12345"));
        http.completeTask("grid.worker", visited, "Task_HandleOnTheSpot", Map.of("handledOnTheSpot", true,
                "onTheSpotNote", "已更换灯泡"));
        http.await("supervisor", "/api/cases/" + visited, a -> a.status() == 200
                && "FEEDBACK".equals(a.body().path("status").asText()));
        // the reporter's rating window: nobody's deadline, neither shown nor sorted by
        assertThat(row(visited).get("deadline").isNull()).as("%s", row(visited)).isTrue();
        assertThat(keptDeadline(visited)).isNull();

        RatingWindow.letPass(engine, visited);
        http.await("supervisor", "/api/cases/" + visited, a -> a.status() == 200
                && "RETURN_VISIT".equals(a.body().path("status").asText()));
        JsonNode row = row(visited);
        assertThat(row.get("deadline").isNull()).as("%s", row).isFalse();
        assertThat(keptDeadline(visited)).as("sorted by").isNotNull();
        assertThat(Instant.parse(row.get("deadline").asText())).as("shown").isEqualTo(keptDeadline(visited)
                .toInstant());
        // every open case agrees with what V64 fills from the engine's open tasks (a return visit, a session, a
        // meeting's commitments)
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_record r WHERE step_due IS NOT NULL", Long.class))
                .isPositive();
        assertThat(jdbc.queryForList("SELECT case_number FROM case_record r WHERE status <> 'CLOSED'"
                + " AND step_due IS DISTINCT FROM " + V64__consultation_meeting_is_handling.STEP_DUE, String.class))
                .isEmpty();
    }

    private JsonNode row(String caseNumber) {
        return list("supervisor", "sort=deadline&number=" + caseNumber).get("items").get(0);
    }

    private java.sql.Timestamp keptDeadline(String caseNumber) {
        return column(caseNumber, "next_due");
    }

    private java.sql.Timestamp column(String caseNumber, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM case_record WHERE case_number = ?",
                java.sql.Timestamp.class, caseNumber);
    }

    @Test
    void badParametersAreRefusedInChineseNamingTheField() {
        assertRefused("size=101", "size", "不能大于 100");
        assertRefused("flags=LATE", "flags", "未知的标记");
        assertRefused("from=2025-10-09&to=2025-10-01", "from", "不能晚于");
        assertRefused("unit=12", "unit", "街道、社区或网格编码");
        assertRefused("status=DONE", "status", "格式不正确");
        assertRefused("sort=name", "sort", "received");
        assertRefused("from=yesterday", "from", "格式不正确");
    }

    private void assertRefused(String query, String field, String message) {
        WorkbenchHttp.Answer answer = http.get("supervisor", "/api/workbench/cases?" + query);
        assertThat(answer.status()).as(query).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).as(query).isEqualTo(field);
        assertThat(answer.body().get("errors").get(0).get("message").asText()).as(query).contains(message);
    }

    private JsonNode list(String user, String query) {
        WorkbenchHttp.Answer answer = http.get(user, "/api/workbench/cases?size=100&" + query);
        assertThat(answer.status()).as("%s %s: %s", user, query, answer.body()).isEqualTo(200);
        return answer.body();
    }

    private List<String> numbers(String user, String query) {
        return list(user, query).get("items").findValuesAsText("caseNumber");
    }
}

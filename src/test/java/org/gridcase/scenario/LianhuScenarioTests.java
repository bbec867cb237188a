package org.gridcase.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.gridcase.AsAuditor;
import org.gridcase.DemoDistrictTest;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseStatus;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases from Lianhu District played end to end through the real APIs, as the demo users would: a resident
 * reports through POST /api/cases, staff work through Camunda's REST API (the calls the Tasklist makes), and the
 * case record is compared with the engine's history at the end.
 */
@DemoDistrictTest
class LianhuScenarioTests {

    /** Stages and the BPMN elements whose start enters them. */
    static final Map<CaseStatus, String> STAGE_ACTIVITIES = Map.of(
            CaseStatus.ON_THE_SPOT, "Task_HandleOnTheSpot",
            CaseStatus.WHISTLED, "Task_BlowWhistle",
            CaseStatus.CHECKING_IN, "SubProcess_CheckIn",
            CaseStatus.HANDLING, "Task_HandleOnSite",
            CaseStatus.FEEDBACK, "Task_NotifyReporter",
            CaseStatus.RETURN_VISIT, "Task_ReturnVisit",
            CaseStatus.CLOSED, "EndEvent_CaseClosed");

    @LocalServerPort
    int port;

    @Autowired
    UnitService units;

    @Autowired
    CaseQueries cases;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identity;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ProcessEngine engine;

    RestClient rest;

    @BeforeEach
    void client() {
        rest = new RestClient(port, engine);
    }

    /**
     * Every job the cases ran (timers, async continuations, notifications) took well under the job lock time: a job
     * still running when its lock expires could be run again by another node. Measured by the cluster module.
     */
    @AfterEach
    void jobsStayWellUnderTheJobLockTime() {
        double longest = meters.get("gridcase.job.longest").gauge().value();
        long lockMillis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor()
                .getLockTimeInMillis();
        System.out.printf("Longest job in this context so far: %.0f ms (job lock time %d ms)%n", longest, lockMillis);
        assertThat(longest).as("longest job, ms").isLessThan(lockMillis / 2.0);
    }

    @Test
    void busesBlockingTheRoadAtXiaobaiyangAreWhistledCheckedInResolvedAndClosed() throws Exception {
        // given: residents of 大兴东路社区 (红庙坡街道) report buses queuing at the 小白杨 stop
        Point stop = pointIn("610104006001");
        RestClient.Answer opened = rest.post(null, "/api/cases", Map.of(
                "category", "TRAFFIC.BUS_BLOCKING",
                "description", "小白杨站公交车排队进站，占满车道，居民出行受阻",
                "address", "大兴东路小白杨公交站",
                "lat", stop.getY(), "lon", stop.getX(),
                "reporterName", "王女士", "reporterPhone", "13800001234",
                "channel", "RESIDENT_APP"));
        assertThat(opened.status()).isEqualTo(201);
        String caseNumber = opened.body().get("caseNumber").asText();
        assertThat(caseNumber).matches("HMP-\\d{8}-\\d{4}");

        // when: the street whistles the traffic police (lead), the bus company and the property company
        rest.completeTask("hongmiao.dispatcher", caseNumber, "Task_BlowWhistle", Map.of(
                "departments", List.of("jiaojing", "gongjiao", "wuye"), "leadDepartment", "jiaojing",
                "whistleNote", "请三方到小白杨站现场会商"));
        assertThat(staffView(caseNumber).get("status").asText()).isEqualTo("CHECKING_IN");
        // each department checks in
        for (String department : List.of("gongjiao", "jiaojing", "wuye")) {
            rest.completeTask("dept." + department, caseNumber, "Task_CheckIn",
                    Map.of("checkInNote", department + " 已派员到场"));
        }
        // an assisting department adds a note (it has no task of its own)
        RestClient.Answer note = rest.post("dept.gongjiao", "/api/cases/" + caseNumber + "/notes",
                Map.of("text", "公交公司已调整小白杨站发车间隔"));
        assertThat(note.status()).as("note by an assisting department: %s", note.body()).isEqualTo(201);
        assertThat(note.body().get("author").asText()).isEqualTo("dept.gongjiao");
        // the lead resolves it
        rest.completeTask("dept.jiaojing", caseNumber, "Task_HandleOnSite", Map.of(
                "handlingOutcome", "RESOLVED", "handlingResult", "公交公司调整发车间隔，交警设置临时停靠区，物业疏导车辆"));
        // the community calls back: resolved, satisfied
        rest.completeTask("cs.610104006001", caseNumber, "Task_ReturnVisit", Map.of(
                "resolution", "RESOLVED", "satisfaction", "SATISFIED", "returnVisitNote", "居民表示满意"));

        // then: the case is closed with every stage timed, and the history shows the same path
        JsonNode history = rest.await("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey="
                + caseNumber, found -> found.size() == 1 && "COMPLETED".equals(found.get(0).get("state").asText()));
        assertThat(history.get(0).hasNonNull("startUserId")).as("a resident reports anonymously").isFalse();
        CaseDetails record = AsAuditor.read(identity, () -> cases.find(caseNumber)).orElseThrow();
        assertThat(record.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(record.stages()).extracting(CaseDetails.Stage::status).containsExactly(CaseStatus.RECEIVED,
                CaseStatus.WHISTLED, CaseStatus.CHECKING_IN, CaseStatus.HANDLING, CaseStatus.FEEDBACK,
                CaseStatus.RETURN_VISIT, CaseStatus.CLOSED);
        assertThat(record.stages()).allSatisfy(stage -> assertThat(stage.enteredAt()).isNotNull());
        assertThat(record.departments()).extracting(CaseDetails.Department::checkedInBy)
                .containsExactlyInAnyOrder("dept.jiaojing", "dept.gongjiao", "dept.wuye");
        assertThat(record.communityCode()).isEqualTo("610104006001");
        assertThat(record.satisfaction()).isEqualTo("SATISFIED");
        assertRecordMatchesHistory(record, history.get(0).get("id").asText());

        // the feedback went to the reporter's phone: the community that called back reads it, the street masked
        JsonNode messages = rest.get("cs.610104006001", "/api/cases/" + caseNumber + "/notifications").body();
        assertThat(messages.findValuesAsText("template")).contains("REPORTER_FEEDBACK");
        assertThat(messages.findValuesAsText("recipient")).contains("reporter:13800001234");
        assertThat(rest.get("hongmiao.dispatcher", "/api/cases/" + caseNumber + "/notifications").body()
                .findValuesAsText("recipient")).contains("reporter:138****1234").doesNotContain("reporter:13800001234");

        assertAuditorsSeeEveryStepWithItsActor(caseNumber);
        assertIntegrityHoldsUntilTheHistoryIsAltered(caseNumber, history.get(0).get("id").asText());
    }

    /** The integrity check passes on the real case and flags the rows an intruder alters in the database. */
    private void assertIntegrityHoldsUntilTheHistoryIsAltered(String caseNumber, String processInstanceId) {
        String path = "/api/audit/cases/" + caseNumber + "/integrity";
        assertThat(rest.get("dept.jiaojing", path).status()).as("only auditors").isEqualTo(403);
        JsonNode report = rest.get("auditor", path).body();
        assertThat(report.get("findings").toString()).as("a real case").isEqualTo("[]");
        assertThat(report.get("intact").asBoolean()).isTrue();
        assertThat(report.get("stepsChecked").asInt()).isGreaterThan(10);

        // when: someone rewrites history behind the application's back
        jdbc.update("UPDATE act_hi_actinst SET act_id_ = 'Task_ApproveExtension' "
                + "WHERE proc_inst_id_ = ? AND act_id_ = 'Task_HandleOnSite'", processInstanceId);
        jdbc.update("UPDATE act_hi_actinst SET end_time_ = start_time_ - INTERVAL '1 hour' "
                + "WHERE proc_inst_id_ = ? AND act_id_ = 'Task_BlowWhistle'", processInstanceId);

        // then
        JsonNode tampered = rest.get("auditor", path).body();
        assertThat(tampered.get("intact").asBoolean()).isFalse();
        assertThat(tampered.get("findings").findValuesAsText("rule")).contains("FOLLOWS_FLOW", "TIME_ORDER");
        assertThat(tampered.get("findings").findValuesAsText("activityId"))
                .contains("Task_ApproveExtension", "Task_BlowWhistle");

        // and over a period: the altered case is among the broken ones
        // from yesterday: a run that crosses midnight in Xi'an received its case "yesterday"
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode period = rest.get("auditor", "/api/audit/integrity?from=" + today.minusDays(1) + "&to=" + today)
                .body();
        assertThat(period.get("checked").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(period.get("broken").findValuesAsText("caseNumber")).contains(caseNumber);
        assertThat(rest.get("auditor", "/api/audit/integrity?from=" + today).status()).isEqualTo(400);
    }

    /** The auditors' timeline holds every step in time order, each human step with the person who did it. */
    private void assertAuditorsSeeEveryStepWithItsActor(String caseNumber) {
        String path = "/api/audit/cases/" + caseNumber + "/timeline";
        assertThat(rest.get("hongmiao.dispatcher", path).status()).as("only auditors").isEqualTo(403);
        RestClient.Answer answer = rest.get("auditor", path);
        assertThat(answer.status()).isEqualTo(200);
        List<String> steps = new ArrayList<>();
        Instant previous = Instant.MIN;
        for (JsonNode event : answer.body()) {
            Instant at = Instant.parse(event.get("at").asText());
            assertThat(at).as("time order at %s", event).isAfterOrEqualTo(previous);
            previous = at;
            String kind = event.get("kind").asText();
            String actor = event.hasNonNull("actor") ? event.get("actor").asText() : "-";
            String activity = event.hasNonNull("activityId") ? event.get("activityId").asText() : "";
            if (kind.equals("TASK_COMPLETED") || kind.equals("CASE_RECEIVED") || kind.equals("DECISION")) {
                steps.add(kind + " " + activity + " " + actor);
            }
        }
        assertThat(steps).containsSubsequence(
                "CASE_RECEIVED  -",
                "DECISION Task_TriageReport -",
                "TASK_COMPLETED Task_BlowWhistle hongmiao.dispatcher",
                "TASK_COMPLETED Task_HandleOnSite dept.jiaojing",
                "TASK_COMPLETED Task_ReturnVisit cs.610104006001");
        assertThat(steps).contains("TASK_COMPLETED Task_CheckIn dept.gongjiao", "TASK_COMPLETED Task_CheckIn dept.wuye",
                "TASK_COMPLETED Task_CheckIn dept.jiaojing");
        JsonNode decision = StreamSupport.stream(answer.body().spliterator(), false)
                .filter(e -> e.get("kind").asText().equals("DECISION")).findFirst().orElseThrow();
        assertThat(decision.at("/details/inputs").toString()).contains("TRAFFIC.BUS_BLOCKING");
        assertThat(decision.at("/details/outputs/0/leadDepartment").asText()).isEqualTo("jiaojing");
        assertThat(answer.body().findValuesAsText("kind")).contains("OPERATION", "NOTIFICATION", "VARIABLE",
                "TASK_CANDIDATE_ADD", "TASK_ASSIGNEE_ADD");
        assertThat(rest.get("auditor", "/api/audit/cases/XX-20250101-0001/timeline").status()).isEqualTo(404);

        // auditors find it by number (it is not flagged) and open its timeline from the result
        JsonNode found = rest.get("auditor", "/api/audit/cases?number=" + caseNumber).body();
        assertThat(found.get("totalElements").asInt()).isEqualTo(1);
        assertThat(found.at("/content/0/timelineUrl").asText()).isEqualTo(path);
        assertThat(found.at("/content/0/departments").toString()).contains("gongjiao", "jiaojing", "wuye");
        assertThat(rest.get("auditor", "/api/audit/cases?number=" + caseNumber + "&flag=REOPENED").body()
                .get("totalElements").asInt()).isZero();
        RestClient.Answer badFlag = rest.get("auditor", "/api/audit/cases?flag=LOST");
        assertThat(badFlag.status()).isEqualTo(400);
        assertThat(badFlag.body().at("/errors/0/field").asText()).isEqualTo("flag");
        assertThat(rest.get("hongmiao.dispatcher", "/api/audit/cases").status()).isEqualTo(403);

        // the CSV export holds the same events in the same order
        String csv = rest.getText("auditor", path + ".csv");
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFat,kind,label,actor,actorName,activityId,activityName,text,details");
        assertThat(lines.stream().skip(1).map(line -> line.split(",")[1]).toList())
                .isEqualTo(answer.body().findValuesAsText("kind"));
    }

    @Test
    void aCollapsedRoadSummonsFourDepartmentsAtOnceAndIsClosed() throws Exception {
        // given: the grid leader of 牡丹庄园社区第一网格 reports road subsidence outside an office building
        RestClient.Answer opened = rest.post("grid.leader", "/api/cases", Map.of(
                "category", "SAFETY.ROAD_SUBSIDENCE", "urgency", "EMERGENCY",
                "description", "写字楼前路面塌陷冒烟，已疏散行人", "address", "土门街道丰禾路口",
                "gridCode", "610104007001001", "reporterName", "黄卫东", "channel", "GRID_WORKER"));
        assertThat(opened.status()).isEqualTo(201);
        String caseNumber = opened.body().get("caseNumber").asText();
        assertThat(caseNumber).startsWith("TM-");

        // then: no dispatcher in between; each department has a check-in due within half an hour
        JsonNode checkIn = rest.await("dept.zhujian", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=Task_CheckIn", tasks -> tasks.size() == 1).get(0);
        Instant due = camundaTime(checkIn.get("due").asText());
        assertThat(Duration.between(Instant.now(), due)).isLessThanOrEqualTo(Duration.ofMinutes(30));
        JsonNode messages = rest.await("street.dispatcher", "/api/cases/" + caseNumber + "/notifications",
                found -> found.findValuesAsText("template").contains("EMERGENCY_STREET"));
        JsonNode emergency = null;
        for (JsonNode message : messages) {
            emergency = "EMERGENCY_STREET".equals(message.get("template").asText()) ? message : emergency;
        }
        assertThat(emergency.get("recipient").asText()).isEqualTo("group:street-610104007");
        assertThat(emergency.get("text").asText()).contains("应急");

        // when: all four check in, housing leads the repair, the community calls back
        for (String department : List.of("zhujian", "chengguan", "xiaofang", "shuiwu")) {
            rest.completeTask("dept." + department, caseNumber, "Task_CheckIn", Map.of("checkInNote", "已到场"));
        }
        rest.completeTask("dept.zhujian", caseNumber, "Task_HandleOnSite", Map.of(
                "handlingOutcome", "RESOLVED", "handlingResult", "封控现场，抢修管线，路面已恢复"));
        rest.completeTask("community.staff", caseNumber, "Task_ReturnVisit", Map.of(
                "resolution", "RESOLVED", "satisfaction", "BASICALLY_SATISFIED"));

        // then
        JsonNode history = rest.await("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey="
                + caseNumber, found -> found.size() == 1 && "COMPLETED".equals(found.get(0).get("state").asText()));
        CaseDetails record = AsAuditor.read(identity, () -> cases.find(caseNumber)).orElseThrow();
        assertThat(record.track()).isEqualTo("EMERGENCY");
        assertThat(record.stages()).extracting(CaseDetails.Stage::status).containsExactly(CaseStatus.RECEIVED,
                CaseStatus.CHECKING_IN, CaseStatus.HANDLING, CaseStatus.FEEDBACK, CaseStatus.RETURN_VISIT,
                CaseStatus.CLOSED);
        assertRecordMatchesHistory(record, history.get(0).get("id").asText());
        assertThat(rest.get("auditor", "/api/audit/cases/" + caseNumber + "/integrity").body()
                .get("intact").asBoolean()).as("the emergency case's history fits its model").isTrue();
        assertThat(history.get(0).get("startUserId").asText()).as("reported through the API as the grid leader")
                .isEqualTo("grid.leader");
    }

    /** Each stage of the record was entered when the engine started the element that stands for it. */
    private void assertRecordMatchesHistory(CaseDetails record, String processInstanceId) {
        JsonNode activities = rest.get("admin", "/engine-rest/history/activity-instance?processInstanceId="
                + processInstanceId + "&sortBy=startTime&sortOrder=asc").body();
        Map<String, Instant> firstStarts = new LinkedHashMap<>();
        for (JsonNode activity : activities) {
            firstStarts.putIfAbsent(activity.get("activityId").asText(), camundaTime(activity.get("startTime").asText()));
        }
        List<String> stageActivities = new ArrayList<>();
        for (CaseDetails.Stage stage : record.stages()) {
            if (stage.status() == CaseStatus.RECEIVED) {
                continue;
            }
            String activity = STAGE_ACTIVITIES.get(stage.status());
            assertThat(firstStarts).as("history has %s for stage %s", activity, stage.status()).containsKey(activity);
            assertThat(Duration.between(firstStarts.get(activity), stage.enteredAt()).abs())
                    .as("stage %s entered when %s started", stage.status(), activity)
                    .isLessThan(Duration.ofSeconds(1));
            stageActivities.add(activity);
        }
        assertThat(firstStarts.keySet().stream().filter(stageActivities::contains).toList())
                .as("history visits the stages in the record's order").containsExactlyElementsOf(stageActivities);
    }

    /** Camunda's REST dates end in an offset without a colon (2025-10-09T10:00:00.000+0800). */
    private static Instant camundaTime(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    }

    private JsonNode staffView(String caseNumber) {
        return rest.get("hongmiao.dispatcher", "/api/cases/" + caseNumber).body();
    }

    private Point pointIn(String communityCode) throws Exception {
        String boundary = units.list(UnitLevel.GRID, communityCode).get(0).boundary();
        return new WKTReader().read(boundary).getInteriorPoint();
    }
}

package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import db.migration.V65__task_grants_work_only;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.DemoDistrictTest;
import org.gridcase.JavaMigrations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a member of a task's candidate group may do with the task, as the demo users over the engine's REST API:
 * claim it and complete it with its form, and nothing else. With Camunda's default grant (UPDATE on every task of
 * one's group) a department summoned as lead could, without completing anything, make another department the lead
 * (a task's variable is written to the case where the case holds it), hand its check-in to a member of another
 * department, or move its check-in's deadline to 2030: each of these answered 204 against the demo. Nor may it
 * complete the task with a variable its form has no field for (FormFields), nor the hotline open a case with one.
 */
@DemoDistrictTest
class TaskPermissionsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Test
    void aSummonedDepartmentChecksInButCannotRewriteTheCaseHandItOnOrMoveItsDeadline() throws Exception {
        EngineHttp http = new EngineHttp(port, engine);
        // given: a bus blocking a road in 大兴东路社区, whistled by 红庙坡街道 to the police (lead) and the bus company
        String caseNumber = http.openCase("TRAFFIC.BUS_BLOCKING", "\"lat\": 34.2799, \"lon\": 108.9081");
        String whistle = http.awaitTask("hongmiao.dispatcher", caseNumber, "Task_BlowWhistle");
        assertThat(http.basic("hongmiao.dispatcher", "POST", "/engine-rest/task/" + whistle + "/complete", """
                {"variables": {"departments": {"value": "[\\"jiaojing\\",\\"gongjiao\\"]", "type": "Json"},
                               "leadDepartment": {"value": "jiaojing"}}}""").status()).isEqualTo(204);
        String checkIn = http.awaitTask("dept.jiaojing", caseNumber, "Task_CheckIn");
        String due = task(http, checkIn).path("due").asText();

        // when: the lead tries to pass the case on without a return, and to give itself time
        EngineHttp.Answer leadChanged = http.basic("dept.jiaojing", "PUT",
                "/engine-rest/task/" + checkIn + "/variables/leadDepartment", """
                {"value": "gongjiao", "type": "String"}""");
        EngineHttp.Answer handedOn = http.basic("dept.jiaojing", "POST", "/engine-rest/task/" + checkIn + "/assignee",
                """
                {"userId": "dept.gongjiao"}""");
        EngineHttp.Answer moved = http.basic("dept.jiaojing", "PUT", "/engine-rest/task/" + checkIn, """
                {"name": "部门报到", "due": "2030-01-01T00:00:00.000+0000", "priority": 50}""");

        // then: each is refused in Chinese, and the task and the case are as they were
        for (EngineHttp.Answer refused : new EngineHttp.Answer[] {leadChanged, handedOn, moved}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).path("message").asText()).isEqualTo("没有权限执行此操作");
        }
        JsonNode after = task(http, checkIn);
        assertThat(after.path("due").asText()).isEqualTo(due);
        assertThat(after.path("assignee").isNull()).as("assignee").isTrue();
        assertThat(http.basic("admin", "GET", "/engine-rest/task/" + checkIn + "/variables/leadDepartment", null)
                .body()).contains("\"jiaojing\"");

        // and completing the check-in does not carry the change in either: only the form's fields are taken
        EngineHttp.Answer smuggled = http.basic("dept.jiaojing", "POST", "/engine-rest/task/" + checkIn + "/complete",
                """
                {"variables": {"checkInNote": {"value": "已派员到场"}, "leadDepartment": {"value": "gongjiao"}}}""");
        assertThat(smuggled.status()).as(smuggled.body()).isEqualTo(400);
        assertThat(JSON.readTree(smuggled.body()).path("message").asText()).contains("leadDepartment")
                .contains("不是此任务表单的字段");
        assertThat(task(http, checkIn).path("id").asText()).as("the check-in, still open").isEqualTo(checkIn);

        // while what the department is there to do still works: claim, check in, and handle as the lead
        assertThat(http.basic("dept.jiaojing", "POST", "/engine-rest/task/" + checkIn + "/claim", """
                {"userId": "dept.jiaojing"}""").status()).isEqualTo(204);
        EngineHttp.Answer passedOn = http.basic("dept.jiaojing", "POST", "/engine-rest/task/" + checkIn + "/assignee",
                """
                {"userId": "dept.gongjiao"}""");
        assertThat(passedOn.status()).as(passedOn.body()).isEqualTo(400);
        assertThat(JSON.readTree(passedOn.body()).path("message").asText()).contains("处理人").contains("dept.gongjiao");
        assertThat(http.basic("dept.jiaojing", "POST", "/engine-rest/task/" + checkIn + "/unclaim", null).status())
                .as("the claim given back").isEqualTo(204);
        assertThat(http.basic("dept.jiaojing", "POST", "/engine-rest/task/" + checkIn + "/complete", """
                {"variables": {"checkInNote": {"value": "已派员到场"}}}""").status()).isEqualTo(204);
        String busCompany = http.awaitTask("dept.gongjiao", caseNumber, "Task_CheckIn");
        assertThat(http.basic("dept.gongjiao", "POST", "/engine-rest/task/" + busCompany + "/complete", """
                {"variables": {"checkInNote": {"value": "已派员到场"}}}""").status()).isEqualTo(204);
        http.awaitTask("dept.jiaojing", caseNumber, "Task_HandleOnSite");
    }

    @Test
    void whoeverClaimedAStepMayHandItToAColleagueOrGiveItBack() throws Exception {
        EngineHttp http = new EngineHttp(port, engine);
        // given: a stairwell light in 牡丹庄园社区第一网格, for its grid worker and grid leader to handle on receipt
        String caseNumber = http.openCase("PROPERTY.STAIRWELL_LIGHT", "\"gridCode\": \"610104007001001\"");
        String step = http.awaitTask("grid.worker", caseNumber, "Task_HandleOnTheSpot");
        assertThat(http.basic("grid.worker", "POST", "/engine-rest/task/" + step + "/claim", """
                {"userId": "grid.worker"}""").status()).isEqualTo(204);

        // when: the grid worker hands it to the grid leader, who gives it back to the grid
        EngineHttp.Answer handed = http.basic("grid.worker", "POST", "/engine-rest/task/" + step + "/assignee", """
                {"userId": "grid.leader"}""");
        String holder = task(http, step).path("assignee").asText();
        EngineHttp.Answer givenBack = http.basic("grid.leader", "POST", "/engine-rest/task/" + step + "/unclaim", null);

        // then
        assertThat(handed.status()).as(handed.body()).isEqualTo(204);
        assertThat(holder).isEqualTo("grid.leader");
        assertThat(givenBack.status()).as(givenBack.body()).isEqualTo(204);
        assertThat(task(http, step).path("assignee").isNull()).isTrue();
    }

    @Test
    void theHotlineOpensACaseWithTheReportFormsFieldsOnly() throws Exception {
        EngineHttp http = new EngineHttp(port, engine);
        String report = """
                "category": {"value": "PROPERTY.STAIRWELL_LIGHT"}, "description": {"value": "楼道灯不亮"},
                "address": {"value": "牡丹庄园3号楼"}, "gridCode": {"value": "610104007001001"},
                "reporterPhone": {"value": "13800001234"}, "channel": {"value": "HOTLINE_12345"}""";

        EngineHttp.Answer presetTrack = http.basic("hotline", "POST",
                "/engine-rest/process-definition/key/GridReportProcess/submit-form",
                "{\"variables\": {" + report + ", \"track\": {\"value\": \"WHISTLE\"}}}");
        EngineHttp.Answer opened = http.basic("hotline", "POST",
                "/engine-rest/process-definition/key/GridReportProcess/submit-form", "{\"variables\": {" + report + "}}");

        assertThat(presetTrack.status()).as(presetTrack.body()).isEqualTo(400);
        assertThat(JSON.readTree(presetTrack.body()).path("message").asText()).contains("track").contains("发起表单");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    }

    @Test
    void v65TakesUpdateFromTheGrantsOfTasksOpenAtTheUpgrade(@Autowired DataSource database,
            @Autowired JdbcTemplate jdbc) throws Exception {
        EngineHttp http = new EngineHttp(port, engine);
        // given: a grid's step, claimed by its grid worker, whose grants are as the engine made them before
        // TASK_WORK: READ and UPDATE, for the grid and for the grid worker
        String caseNumber = http.openCase("PROPERTY.STAIRWELL_LIGHT", "\"gridCode\": \"610104007001001\"");
        String step = http.awaitTask("grid.worker", caseNumber, "Task_HandleOnTheSpot");
        assertThat(http.basic("grid.worker", "POST", "/engine-rest/task/" + step + "/claim", """
                {"userId": "grid.worker"}""").status()).isEqualTo(204);
        jdbc.update("UPDATE act_ru_authorization SET perms_ = 6 WHERE resource_type_ = 7 AND resource_id_ = ?", step);
        String handledOnTheSpot = "/engine-rest/task/" + step + "/variables/handledOnTheSpot";
        assertThat(http.basic("grid.leader", "PUT", handledOnTheSpot, """
                {"value": true, "type": "Boolean"}""").status()).as("the hole, before the upgrade").isEqualTo(204);
        int globalTaskGrants = jdbc.queryForObject("SELECT count(*) FROM act_ru_authorization"
                + " WHERE resource_type_ = 7 AND resource_id_ = '*'", Integer.class);

        // when
        JavaMigrations.run(new V65__task_grants_work_only(), database);

        // then: the grid may work on the step and no longer change it, and the grid worker may give it back;
        // grants on all tasks are as they were
        assertThat(jdbc.queryForMap("SELECT perms_ FROM act_ru_authorization WHERE resource_type_ = 7"
                + " AND resource_id_ = ? AND group_id_ IS NOT NULL", step)).containsValue(2 + 16384);
        assertThat(jdbc.queryForMap("SELECT perms_ FROM act_ru_authorization WHERE resource_type_ = 7"
                + " AND resource_id_ = ? AND user_id_ = 'grid.worker'", step)).containsValue(2 + 16384 + 32768);
        for (String member : new String[] {"grid.leader", "grid.worker"}) {
            assertThat(http.basic(member, "PUT", handledOnTheSpot, """
                    {"value": true, "type": "Boolean"}""").status()).as(member).isEqualTo(403);
        }
        assertThat(http.basic("grid.worker", "POST", "/engine-rest/task/" + step + "/unclaim", null).status())
                .isEqualTo(204);
        assertThat(http.basic("grid.leader", "POST", "/engine-rest/task/" + step + "/claim", """
                {"userId": "grid.leader"}""").status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ru_authorization WHERE resource_type_ = 7"
                + " AND resource_id_ = '*'", Integer.class)).isEqualTo(globalTaskGrants);
    }

    private static JsonNode task(EngineHttp http, String id) throws Exception {
        return JSON.readTree(http.basic("admin", "GET", "/engine-rest/task/" + id, null).body());
    }
}

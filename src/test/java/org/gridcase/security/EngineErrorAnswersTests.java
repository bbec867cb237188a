package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the engine's REST API answers when a request is wrong: a 400 that names the field in Chinese, never a 500
 * with SQL, a Java class name or an ENGINE code the user cannot act on.
 */
@DemoDistrictTest
class EngineErrorAnswersTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    EngineHttp http;

    @BeforeEach
    void client() {
        http = new EngineHttp(port, engine);
    }

    @Test
    void aWhistleSummoningAnUnknownDepartmentIsA400ThatNamesIt() throws Exception {
        // given: a bus-blocking report in 大兴东路社区 waiting for 红庙坡街道's whistle
        String task = whistleTaskOfNewCase();

        // when: the dispatcher summons a department that does not exist
        EngineHttp.Answer unknown = complete(task, "[\"jiaojing\",\"nosuchdept\"]", "jiaojing");
        // or a lead too long for any column
        EngineHttp.Answer overLong = complete(task, "[\"jiaojing\"]", "x".repeat(300));

        // then: both are refused with the field and the reason, in Chinese, and the right whistle still goes through
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(message(unknown)).contains("departments").contains("没有这些部门").contains("nosuchdept");
        assertThat(overLong.status()).as(overLong.body()).isEqualTo(400);
        assertThat(message(overLong)).contains("leadDepartment").contains("主办部门必须是勾选的召集部门之一");
        assertClean(unknown);
        assertClean(overLong);
        assertThat(complete(task, "[\"jiaojing\",\"gongjiao\"]", "jiaojing").status()).isEqualTo(204);
    }

    @Test
    void whoeverLosesARaceForATaskIsToldSoWithA409OrA404() throws Exception {
        // given: the street's dispatcher has claimed the whistle
        String task = whistleTaskOfNewCase();
        assertThat(http.basic("hongmiao.dispatcher", "POST", "/engine-rest/task/" + task + "/claim",
                "{\"userId\":\"hongmiao.dispatcher\"}").status()).isEqualTo(204);

        // when: someone else claims it a moment later, and after it is done, completes it too
        EngineHttp.Answer claimed = http.basic("admin", "POST", "/engine-rest/task/" + task + "/claim",
                "{\"userId\":\"admin\"}");
        assertThat(complete(task, "[\"jiaojing\"]", "jiaojing").status()).isEqualTo(204);
        EngineHttp.Answer gone = complete(task, "[\"jiaojing\"]", "jiaojing");

        // then: 409 and 404 in Chinese, where Camunda answered 500 with exception class names
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(409);
        assertThat(message(claimed)).contains("已被他人认领");
        assertThat(gone.status()).as(gone.body()).isEqualTo(404);
        assertThat(message(gone)).contains("已不存在");
        assertClean(claimed);
        assertClean(gone);
    }

    @Test
    void aModelWithADoctypeIsRefusedWithA400() throws Exception {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
                + "<process id=\"Probe\" isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>";
        String boundary = "gridcase" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"Probe.bpmn\"; filename=\"Probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + xml + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        EngineHttp.Answer refused = new EngineHttp.Answer(answer.statusCode(), answer.body());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(message(refused)).contains("Probe.bpmn").contains("DOCTYPE");
        assertClean(refused);
    }

    @Test
    void engineErrorsNameNoJavaClassesAndCarryNoSql() throws Exception {
        EngineHttp.Answer missing = http.basic("grid.worker", "GET", "/engine-rest/task/no-such-task", null);
        assertThat(missing.status()).isEqualTo(404);
        assertClean(missing);

        // a variable name longer than the engine's column: the database refuses it inside the engine
        String task = whistleTaskOfNewCase();
        EngineHttp.Answer tooLong = http.basic("admin", "PUT",
                "/engine-rest/task/" + task + "/localVariables/" + "v".repeat(3000), "{\"value\":\"x\"}");
        assertThat(tooLong.status()).as(tooLong.body()).isGreaterThanOrEqualTo(400);
        assertClean(tooLong);
        assertThat(tooLong.body()).doesNotContainIgnoringCase("act_ru").doesNotContainIgnoringCase("insert into");
    }

    private String whistleTaskOfNewCase() throws Exception {
        EngineHttp.Answer opened = http.basic("hotline", "POST", "/api/cases", """
                {"category": "TRAFFIC.BUS_BLOCKING", "description": "小白杨站公交车排队进站，堵塞道路",
                 "address": "大兴东路小白杨公交站", "lat": 34.2799, "lon": 108.9081,
                 "reporterPhone": "13800001234", "channel": "HOTLINE_12345"}""");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseNumber = JSON.readTree(opened.body()).get("caseNumber").asText();
        String query = "/engine-rest/task?taskDefinitionKey=Task_BlowWhistle&processInstanceBusinessKey=" + caseNumber;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode found = JSON.readTree(http.basic("hongmiao.dispatcher", "GET", query, null).body());
            if (found.size() == 1) {
                return found.get(0).get("id").asText();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no whistle task for " + caseNumber);
    }

    private EngineHttp.Answer complete(String task, String departments, String lead) {
        return http.basic("hongmiao.dispatcher", "POST", "/engine-rest/task/" + task + "/complete", """
                {"variables": {"departments": {"value": %s, "type": "Json"},
                               "leadDepartment": {"value": "%s"}}}""".formatted(JSON.valueToTree(departments), lead));
    }

    private static String message(EngineHttp.Answer answer) throws IOException {
        return JSON.readTree(answer.body()).get("message").asText();
    }

    private static void assertClean(EngineHttp.Answer answer) {
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("ENGINE-").doesNotContain("org.")
                .doesNotContain("java.").doesNotContainIgnoringCase("select ").doesNotContain("\tat ");
    }
}

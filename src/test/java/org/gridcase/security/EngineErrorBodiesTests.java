package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The engine REST root's error bodies as Camunda writes them, through the filter that makes them fit to read: a race
 * lost in any of the engine's forms is a 409 in Chinese, and the engine's message codes never reach the reader.
 */
class EngineErrorBodiesTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCheckInWhoseCaseAWarningChangedMeanwhileIsA409() throws Exception {
        // seen in the suite: a department's check-in completed while its check-in warning's job finished
        MockHttpServletResponse answer = answered(500, "ProcessEngineException", "Cannot submit task form"
                + " 01M8N9PN0QZ9: ENGINE-03077 Cannot resolve parent with id '01M8N9PMZEQYDP7Q1QA5QE29WV' of execution"
                + " '01M8N9PM44JCBACX19WG105EGE', perhaps it was deleted in the meantime");

        assertThat(answer.getStatus()).isEqualTo(409);
        JsonNode body = JSON.readTree(answer.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("type").asText()).isEqualTo("冲突");
        assertThat(body.get("message").asText()).isEqualTo("该工单刚被他人同时处理，请刷新后重试");
    }

    @Test
    void aDeadlockTheDatabaseBrokeIsA409() throws Exception {
        // seen between a check-in and its warning's job: Camunda's body says only "persistence layer", and its code
        MockHttpServletResponse answer = answered(500, "ProcessEnginePersistenceException", "An exception occurred in"
                + " the persistence layer. Please check the server logs for a detailed message and the entire"
                + " exception stack trace.", 10_000);

        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(JSON.readTree(answer.getContentAsString(StandardCharsets.UTF_8)).get("message").asText())
                .isEqualTo("该工单刚被他人同时处理，请刷新后重试");
    }

    @Test
    void anotherFailureOfThePersistenceLayerStaysA500() throws Exception {
        MockHttpServletResponse answer = answered(500, "ProcessEnginePersistenceException", "An exception occurred in"
                + " the persistence layer. Please check the server logs for a detailed message and the entire"
                + " exception stack trace.", 10_002);

        assertThat(answer.getStatus()).isEqualTo(500);
    }

    @Test
    void theEnginesMessageCodesAreLeftOutAndTheRestKept() throws Exception {
        // a designer deploying a model the engine cannot parse needs the reason, not the engine's log code
        MockHttpServletResponse answer = answered(400, "ParseException", "ENGINE-09005 Could not parse BPMN"
                + " process. Errors: * Unknown property used in expression | resource Probe.bpmn | line 5");

        assertThat(answer.getStatus()).isEqualTo(400);
        String message = JSON.readTree(answer.getContentAsString(StandardCharsets.UTF_8)).get("message").asText();
        assertThat(message).startsWith("Could not parse BPMN process").contains("Probe.bpmn | line 5")
                .doesNotContain("ENGINE-");
    }

    @Test
    void aRefusedPermissionIsToldInChineseWithoutTheIdsTheEngineChecked() throws Exception {
        MockHttpServletResponse answer = answered(403, "AuthorizationException", "The user with id 'dept.jiaojing'"
                + " does not have one of the following permissions: 'UPDATE_VARIABLE' permission on resource"
                + " '01M8NHE8HBES74HQX8ZJ59HG7G' of type 'Task'");

        assertThat(answer.getStatus()).isEqualTo(403);
        assertThat(JSON.readTree(answer.getContentAsString(StandardCharsets.UTF_8)).get("message").asText())
                .isEqualTo("没有权限执行此操作");
    }

    @Test
    void aValueAListenerRefusedIsA400WhereverCamundaAnsweredIt() throws Exception {
        // a task handed to someone outside its units (TaskHandOverRule): Camunda's /assignee answers it with a 500
        MockHttpServletResponse answer = answered(500, "FormFieldValidationException",
                "处理人：dept.gongjiao 不属于承办此任务的单位，只能交给本单位人员或释放后由本单位认领");

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(answer.getContentAsString(StandardCharsets.UTF_8)).get("message").asText())
                .isEqualTo("处理人：dept.gongjiao 不属于承办此任务的单位，只能交给本单位人员或释放后由本单位认领");
    }

    @Test
    void aVariableInJavasSerializationFormatIsTheClientsMistakeA400() throws Exception {
        // the engine refuses it (javaSerializationFormatEnabled is off) and its REST API answers 500
        MockHttpServletResponse answer = answered(500, "RestException", "Cannot submit task form x: Cannot set"
                + " variable with name note. Java serialization format is prohibited");

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(answer.getContentAsString(StandardCharsets.UTF_8)).get("message").asText())
                .isEqualTo("变量 note 不能以 Java 序列化格式提交，请改用 JSON");
    }

    /** What the client is told when the engine's REST API answers {@code status} with Camunda's error body. */
    private static MockHttpServletResponse answered(int status, String type, String message) throws Exception {
        return answered(status, type, message, null);
    }

    /** The same with the engine's {@code code} for the failure (ProcessEngineException.getCode), if any. */
    private static MockHttpServletResponse answered(int status, String type, String message, Integer code)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new EngineErrorBodies().doFilter(new MockHttpServletRequest("POST", "/engine-rest/task/x/submit-form"),
                response, (request, out) -> {
                    HttpServletResponse engine = (HttpServletResponse) out;
                    engine.setStatus(status);
                    engine.setContentType("application/json");
                    engine.getOutputStream().write(JSON.writeValueAsBytes(JSON.createObjectNode().put("type", type)
                            .put("message", message).put("code", code)));
                });
        return response;
    }
}

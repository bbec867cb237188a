package org.gridcase.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workbench API takes the Tasklist's session or HTTP Basic; a change by session needs the workbench's CSRF
 * token; the pages get no Basic prompt; and a street reads only its own cases.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchSecurityTests {

    static final String TUMEN_GRID = "610104007001001";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    WorkbenchHttp http;
    String tumenCase;

    @BeforeAll
    void openACaseInTumen() {
        http = new WorkbenchHttp(port, engine);
        tumenCase = http.openCase("grid.worker", TUMEN_GRID, "PROPERTY.STAIRWELL_LIGHT", "GRID_WORKER",
                "13700002001");
    }

    @Test
    void theTasklistSessionIsTheCallerWithTheirGroups() {
        WorkbenchHttp.Browser browser = http.signIn("street.dispatcher");

        WorkbenchHttp.Answer me = browser.get("/api/workbench/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("userId").asText()).isEqualTo("street.dispatcher");
        assertThat(me.body().get("name").asText()).isEqualTo("陈志强");
        assertThat(me.body().get("unit").asText()).isEqualTo("土门街道");
        assertThat(browser.get("/api/workbench/cases/" + tumenCase).status()).isEqualTo(200);
    }

    @Test
    void aStreetCannotReadAnotherStreetsCase() {
        assertThat(http.get("hongmiao.dispatcher", "/api/workbench/cases/" + tumenCase).status()).isEqualTo(404);
        assertThat(http.signIn("hongmiao.dispatcher").get("/api/workbench/cases/" + tumenCase).status())
                .isEqualTo(404);
        assertThat(http.get("street.dispatcher", "/api/workbench/cases/" + tumenCase).status()).isEqualTo(200);
    }

    @Test
    void aChangeBySessionNeedsTheWorkbenchToken() {
        WorkbenchHttp.Browser browser = http.signIn("street.dispatcher");
        String notes = "/api/workbench/cases/" + tumenCase + "/notes";

        WorkbenchHttp.Answer refused = browser.postWithoutToken(notes, Map.of("text", "无令牌"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asText()).contains("防伪令牌");

        assertThat(browser.post(notes, Map.of("text", "街道已电话联系物业")).status()).isEqualTo(201);
        // an API client with its own credentials needs none
        assertThat(http.post("street.dispatcher", notes, Map.of("text", "物业已到场")).status()).isEqualTo(201);
    }

    @Test
    void theCamundaCookieIsLeftToCamunda() {
        WorkbenchHttp.Answer session = http.signIn("grid.worker").get("/api/workbench/session");

        assertThat(session.response().headers().allValues("Set-Cookie"))
                .noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
        assertThat(session.body().get("signedIn").asBoolean()).isTrue();
    }

    @Test
    void nobodySignedInGetsAChinese401AndThePagesNoBasicPrompt() {
        WorkbenchHttp.Answer fromPage = http.new Browser().get("/api/workbench/me");
        assertThat(fromPage.status()).isEqualTo(401);
        assertThat(fromPage.header("WWW-Authenticate")).isNull();
        assertThat(fromPage.body().get("detail").asText()).contains("请先登录");

        WorkbenchHttp.Answer fromClient = http.get(null, "/api/workbench/me");
        assertThat(fromClient.status()).isEqualTo(401);
        assertThat(fromClient.header("WWW-Authenticate")).startsWith("Basic");

        assertThat(http.get("street.dispatcher", "/api/workbench/me").status()).isEqualTo(200);
    }
}

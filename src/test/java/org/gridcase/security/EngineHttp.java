package org.gridcase.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Calls the engine's two REST roots over real HTTP as a demo user: {@code /engine-rest} with HTTP Basic, and the
 * webapps' {@code /camunda/api/engine} with a Tasklist session (login form, session cookie, XSRF header), the way
 * the Tasklist itself does.
 */
final class EngineHttp {

    static final String PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body) {
    }

    private final String base;

    /** The engine REST API and the webapps find their engine by name, JVM-wide: the context under test's wins. */
    EngineHttp(int port, ProcessEngine engine) {
        this.base = "http://localhost:" + port;
        ProcessEngines.registerProcessEngine(engine);
    }

    Answer basic(String user, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return send(HttpClient.newHttpClient(), withBody(request, method, json));
    }

    /** Opens a case as the 12345 hotline; the case number. */
    String openCase(String category, String location) throws JsonProcessingException {
        Answer opened = basic("hotline", "POST", "/api/cases", """
                {"category": "%s", "description": "测试诉求", "address": "测试地址", %s,
                 "reporterPhone": "13800001234", "channel": "HOTLINE_12345"}""".formatted(category, location));
        if (opened.status() != 201) {
            throw new AssertionError("the hotline's report answered " + opened);
        }
        return JSON.readTree(opened.body()).get("caseNumber").asText();
    }

    /** The id of the case's task at this step that the user may see, once the job executor has created it. */
    String awaitTask(String user, String caseNumber, String step) throws Exception {
        String query = "/engine-rest/task?taskDefinitionKey=" + step + "&processInstanceBusinessKey=" + caseNumber;
        return awaitJson(user, query, tasks -> tasks.size() == 1).get(0).get("id").asText();
    }

    /** The user's answer to the GET once it meets the condition, within 30 s. */
    JsonNode awaitJson(String user, String path, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Answer answer = basic(user, "GET", path, null);
            JsonNode body = answer.status() == 200 ? JSON.readTree(answer.body()) : null;
            if (body != null && condition.test(body)) {
                return body;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited 30 s for " + path + " as " + user + "; last answer " + answer);
            }
            Thread.sleep(100);
        }
    }

    /** A logged-in Tasklist session of the user. */
    Session tasklist(String user) {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        // the first page sets the XSRF cookie the webapps' API requires
        send(client, HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + PASSWORD;
        Session session = new Session(client, cookies);
        Answer login = send(client, session.xsrf(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
        if (login.status() != 200) {
            throw new IllegalStateException("Tasklist login of " + user + " answered " + login);
        }
        // the login starts a new session; its first read gives it the token that later changes must carry
        session.call("GET", "/camunda/api/admin/auth/user/default", null);
        return session;
    }

    final class Session {

        private final HttpClient client;
        private final CookieManager cookies;

        private Session(HttpClient client, CookieManager cookies) {
            this.client = client;
            this.cookies = cookies;
        }

        Answer call(String method, String path, String json) {
            return send(client, withBody(xsrf(HttpRequest.newBuilder(URI.create(base + path))), method, json));
        }

        /** What the webapps' CSRF filter checks: the page the call comes from, and the token of the session. */
        private HttpRequest.Builder xsrf(HttpRequest.Builder request) {
            request.header("Referer", base + "/camunda/app/tasklist/default/");
            cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            return request;
        }
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, String json) {
        return json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    private static Answer send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

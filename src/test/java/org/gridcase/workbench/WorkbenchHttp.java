package org.gridcase.workbench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.casework.RatingWindow;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Calls the workbench API over real HTTP, either with HTTP Basic (another client) or as a browser does: with the
 * cookies of a Camunda webapp session signed in through the Tasklist's login.
 */
final class WorkbenchHttp {

    static final String PASSWORD = "demo";

    private final String base;
    private final ProcessEngine engine;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient basic = HttpClient.newHttpClient();

    WorkbenchHttp(int port, ProcessEngine engine) {
        this.base = "http://localhost:" + port;
        this.engine = engine;
        // the webapps find their engine by name in a JVM-wide registry: register this context's engine again
        ProcessEngines.registerProcessEngine(engine);
    }

    record Answer(int status, HttpResponse<String> response, JsonNode body) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Answer get(String user, String path) {
        return send(basic, authorized(user, HttpRequest.newBuilder(uri(path)).GET()));
    }

    Answer post(String user, String path, Object body) {
        return send(basic, authorized(user, jsonPost(path, body)));
    }

    /** Polls as the user until the answer satisfies the condition (the job executor places a case). */
    JsonNode await(String user, String path, Predicate<Answer> condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Answer answer = get(user, path);
            if (condition.test(answer)) {
                return answer.body();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited 30 s for " + path + " as " + user + "; last " + answer.body());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A case opened by this member of staff in the grid; waits until the process has placed it. */
    String openCase(String user, String gridCode, String category, String channel, String phone) {
        return openCase(user, Map.of("category", category, "description", "测试诉求：" + category,
                "address", "测试地址", "gridCode", gridCode, "reporterName", "王女士", "reporterPhone", phone,
                "channel", channel));
    }

    String openCase(String user, Map<String, Object> report) {
        Answer opened = post(user, "/api/cases", report);
        if (opened.status() != 201) {
            throw new AssertionError("Could not open a case: " + opened.body());
        }
        String number = opened.body().get("caseNumber").asText();
        await("supervisor", "/api/cases/" + number, a -> a.status() == 200 && !a.body().path("status").asText()
                .equals("RECEIVED"));
        return number;
    }

    /** Does a step as the Tasklist would: waits for the user's task of the case, claims and completes it. */
    void completeTask(String user, String caseNumber, String taskKey, Map<String, Object> values) {
        if ("Task_ReturnVisit".equals(taskKey)) {
            RatingWindow.letPass(engine, caseNumber); // the reporter does not rate: the community calls
        }
        JsonNode task = await(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=" + taskKey, a -> a.status() == 200 && a.body().size() > 0).get(0);
        String id = task.get("id").asText();
        Answer claimed = post(user, "/engine-rest/task/" + id + "/claim", Map.of("userId", user));
        if (claimed.status() != 204) {
            throw new AssertionError("Claim of " + taskKey + " by " + user + ": " + claimed.body());
        }
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> {
            try {
                variables.put(name, value instanceof java.util.List<?>
                        ? Map.of("value", json.writeValueAsString(value), "type", "Json") : Map.of("value", value));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Answer completed = post(user, "/engine-rest/task/" + id + "/complete", Map.of("variables", variables));
        // a job of the same case (the step before's continuation, a timer) may commit first: 409, and a person
        // would press 完成 again (as the browser tests' RestClient does)
        for (int retry = 0; completed.status() == 409 && retry < 3; retry++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            completed = post(user, "/engine-rest/task/" + id + "/complete", Map.of("variables", variables));
        }
        if (completed.status() != 204) {
            throw new AssertionError("Completion of " + taskKey + " by " + user + ": " + completed.body());
        }
    }

    /** A browser of its own, signed in through the Camunda webapps' login form endpoint. */
    Browser signIn(String user) {
        Browser browser = new Browser();
        String camundaToken = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET())
                .header("X-XSRF-TOKEN");
        Answer login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", camundaToken)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD)));
        if (login.status() != 200) {
            throw new AssertionError("Tasklist login of " + user + " answered " + login.status());
        }
        return browser;
    }

    final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        Answer get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).header("X-Requested-With", "XMLHttpRequest").GET());
        }

        /** A change without the workbench's CSRF token. */
        Answer postWithoutToken(String path, Object body) {
            return send(jsonPost(path, body).header("X-Requested-With", "XMLHttpRequest"));
        }

        private String token;

        /** A change as the pages send it: with the token the workbench gave this browser (asked for once). */
        Answer post(String path, Object body) {
            if (token == null) {
                token = get("/api/workbench/session").body().get("csrfToken").asText();
            }
            return send(jsonPost(path, body).header("X-Requested-With", "XMLHttpRequest")
                    .header("X-GRIDCASE-XSRF", token));
        }

        Answer send(HttpRequest.Builder request) {
            return WorkbenchHttp.this.send(client, request);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpRequest.Builder jsonPost(String path, Object body) {
        try {
            return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder authorized(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return request.timeout(Duration.ofSeconds(30));
    }

    private Answer send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode node = null;
            if (body != null && !body.isBlank() && body.trim().matches("(?s)^[\\[{].*")) {
                node = json.readTree(body);
            }
            return new Answer(response.statusCode(), response, node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

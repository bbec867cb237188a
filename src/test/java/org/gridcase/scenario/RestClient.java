package org.gridcase.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.casework.RatingWindow;
import org.camunda.bpm.engine.ProcessEngines;

/** Calls gridcase's API and Camunda's REST API over real HTTP, as a given demo user (or anonymously). */
class RestClient {

    static final String PASSWORD = "demo";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final ProcessEngine engine;

    /**
     * Camunda's REST API and webapps find their engine by name in a JVM-wide registry where the last test context
     * started wins "default": the engine of the context under test is registered again first.
     */
    RestClient(int port, ProcessEngine engine) {
        this.base = "http://localhost:" + port;
        this.engine = engine;
        ProcessEngines.registerProcessEngine(engine);
    }

    record Answer(int status, JsonNode body) {
    }

    /** A body that is not JSON (an export), read as text. */
    String getText(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String user, String path, Object body) {
        try {
            return send(user, HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the answer satisfies the condition: async continuations run on the job executor. */
    JsonNode await(String user, String path, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Answer answer = get(user, path);
            if (answer.status() == 200 && condition.test(answer.body())) {
                return answer.body();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited 30 s for " + path + " as " + user + "; last answer " + answer);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Does a human step as the Tasklist would: waits for the user's task of this case, fetches its form, claims
     * it and completes it. Values that are lists go as JSON, the way Camunda Forms submits a checklist.
     */
    JsonNode completeTask(String user, String caseNumber, String taskKey, Map<String, Object> values) {
        if ("Task_ReturnVisit".equals(taskKey)) {
            RatingWindow.letPass(engine, caseNumber); // the reporter does not rate: the community calls
        }
        String query = "/engine-rest/task?processInstanceBusinessKey=" + encode(caseNumber)
                + "&taskDefinitionKey=" + taskKey;
        JsonNode task = await(user, query, tasks -> tasks.size() > 0).get(0);
        String id = task.get("id").asText();
        Answer form = get(user, "/engine-rest/task/" + id + "/deployed-form");
        assertThat(form.status()).as("deployed form of %s for %s", taskKey, user).isEqualTo(200);
        assertThat(post(user, "/engine-rest/task/" + id + "/claim", Map.of("userId", user)).status())
                .as("claim %s as %s", taskKey, user).isEqualTo(204);
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            try {
                variables.put(name, value instanceof List<?>
                        ? Map.of("value", json.writeValueAsString(value), "type", "Json")
                        : Map.of("value", value));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Answer completed = post(user, "/engine-rest/task/" + id + "/complete", Map.of("variables", variables));
        // a job of the same case (a timer, the step before's continuation) may commit first: the engine answers
        // 409 (该工单刚被他人同时处理，请刷新后重试), and a person would press 完成 again
        for (int retry = 0; completed.status() == 409 && retry < 3; retry++) {
            pause();
            completed = post(user, "/engine-rest/task/" + id + "/complete", Map.of("variables", variables));
        }
        assertThat(completed.status()).as("complete %s as %s: %s", taskKey, user, completed.body()).isEqualTo(204);
        return task;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Answer send(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank() ? null : json.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

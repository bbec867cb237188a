package org.gridcase.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real HTTP against the running node, as its clients call it: a resident's report, an integration's call of the
 * engine REST API, a member of staff's search. HTTP/1.1 with kept-alive connections, as a browser or a reverse
 * proxy talks to Tomcat.
 */
final class BenchHttp {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    BenchHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    String base() {
        return base;
    }

    /**
     * An anonymous report from its own client address: the tests trust the loopback as a proxy, so Tomcat takes
     * the address from X-Forwarded-For and the intake throttle counts each report against a different address.
     */
    JsonNode postAnonymously(String path, Object body, String clientAddress) {
        return send(post(path, body).header("X-Forwarded-For", clientAddress), 201);
    }

    JsonNode postAs(String user, String password, String path, Object body) {
        return send(basic(post(path, body), user, password), 200);
    }

    JsonNode getAs(String user, String password, String path) {
        return send(basic(HttpRequest.newBuilder(URI.create(base + path)).GET(), user, password), 200);
    }

    HttpRequest.Builder post(String path, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The answer's JSON (null for another body); any other status than {@code expected} breaks the run. */
    JsonNode send(HttpRequest.Builder request, int expected) {
        return send(http, request, expected);
    }

    JsonNode send(HttpClient client, HttpRequest.Builder request, int expected) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("%s %s answered %d: %s".formatted(built.method(), built.uri(),
                        response.statusCode(), response.body()));
            }
            // pages (the Tasklist's) answer HTML; only JSON is read
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            return isJson && !response.body().isBlank() ? json.readTree(response.body()) : null;
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.gridcase.resident;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls gridcase over real HTTP, anonymously as a resident's phone, or as a member of staff (HTTP Basic). */
final class ResidentHttp {

    private final String base;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    ResidentHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    String base() {
        return base;
    }

    record Answer(int status, JsonNode body, byte[] bytes, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    Answer post(String path, Object body) {
        return post(null, path, body);
    }

    Answer post(String user, String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), user);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case opened by the hotline (staff are not throttled), its number once the process has placed it. */
    String openCase(Map<String, Object> report) {
        Answer opened = post("hotline", "/api/cases", report);
        if (opened.status() != 201) {
            throw new AssertionError("Could not open a case: " + opened.body());
        }
        return opened.body().get("caseNumber").asText();
    }

    private Answer send(HttpRequest.Builder request, String user) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        request.header("Accept-Language", "zh-CN");
        try {
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(answer.body(), StandardCharsets.UTF_8);
            JsonNode body = text.isBlank() || !text.trim().matches("(?s)^[\\[{].*") ? null : json.readTree(text);
            return new Answer(answer.statusCode(), body, answer.body(), answer.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Instant now() {
        return Instant.now();
    }
}

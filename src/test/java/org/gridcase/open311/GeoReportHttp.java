package org.gridcase.open311;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** A GeoReport client over real HTTP: form posts, as the specification sends them, and both answer formats. */
class GeoReportHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    GeoReportHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Answer(int status, String contentType, String body, HttpResponse<String> response) {

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        Document xml() {
            try {
                return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException("not XML: " + body, e);
            }
        }

        String xpath(String expression) {
            try {
                return XPathFactory.newInstance().newXPath().evaluate(expression, xml());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        int count(String expression) {
            try {
                return ((NodeList) XPathFactory.newInstance().newXPath()
                        .evaluate(expression, xml(), XPathConstants.NODESET)).getLength();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** application/x-www-form-urlencoded; charset=utf-8, the parameters in the order given. */
    Answer post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** As an administrator, through gridcase's admin API. */
    Answer admin(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            return send(request);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers an app and returns its key. */
    String issueKey(String appId) {
        Answer created = admin("POST", "/api/admin/open311-apps", Map.of("id", appId, "name", "测试应用 " + appId));
        if (created.status() != 201) {
            throw new IllegalStateException("app not created: " + created.body());
        }
        return created.json().get("apiKey").asText();
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

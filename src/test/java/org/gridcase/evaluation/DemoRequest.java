package org.gridcase.evaluation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A request to the running test server as a demo user (HTTP Basic with the demo password), in Chinese. */
final class DemoRequest {

    private DemoRequest() {
    }

    static HttpRequest.Builder as(String user, int port, String path) {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).header("Accept-Language", "zh-CN")
                .timeout(Duration.ofSeconds(60));
    }
}

package org.gridcase.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP the channel adapters share: short timeouts (a try runs inside a job that another node takes over after
 * its lock time), a non-2xx answer is a failed try with the provider's words kept, and failures never name the
 * address (a robot's URL carries its access token).
 */
final class ChannelHttp {

    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static final ObjectMapper json = new ObjectMapper();

    private ChannelHttp() {
    }

    /** POSTs the body and answers the response's body, or throws {@link DeliveryFailure}. */
    static String post(URI uri, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new DeliveryFailure("连接服务器超时");
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailure("服务器未在 10 秒内答复");
        } catch (IOException e) {
            throw new DeliveryFailure("无法连接服务器");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("发送被中断");
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailure("服务器答复 HTTP " + response.statusCode() + snippet(response.body()));
        }
        return response.body();
    }

    /** The answer as JSON; an answer that is not JSON is a failed try. */
    static JsonNode readJson(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new DeliveryFailure("服务器的答复无法识别" + snippet(body));
        }
    }

    static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        return "：" + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }
}

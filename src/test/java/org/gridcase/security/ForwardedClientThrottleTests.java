package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, behind a trusted reverse proxy (the tests trust the loopback): each client is counted by the
 * address the proxy forwards, so one flooding client does not lock out the others behind the same proxy. The
 * reports name no category of the catalogue: counted, then refused by the registry, they open no case.
 */
@DemoDistrictTest
class ForwardedClientThrottleTests {

    @LocalServerPort
    int port;

    @Value("${gridcase.security.intake.per-address.burst}")
    int addressBurst;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void countsEachClientBehindTheTrustedProxyByItsForwardedAddress() throws Exception {
        for (int i = 0; i < addressBurst; i++) {
            assertThat(report("198.51.100.200").statusCode()).isEqualTo(400);
        }

        HttpResponse<String> refused = report("198.51.100.200");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(refused.body()).contains("请求过于频繁");
        assertThat(report("198.51.100.201").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> report(String client) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"category":"TRAFFIC.NO_SUCH_THING","description":"测试","address":"测试路",
                         "lat":34.28,"lon":108.9,"channel":"RESIDENT_APP"}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}

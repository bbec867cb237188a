package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.gridcase.scenario.Chromium;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo (default profile, the context of DefaultProfileSmokeTests) serves the API description and Swagger UI,
 * with the headers of every page: only its own scripts, no framing, no sniffing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:default-profile-smoke;DB_CLOSE_DELAY=-1")
class DefaultProfileApiDocsTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesSwaggerUiAndTheApiDescriptionWithPageHeaders() throws Exception {
        for (String path : new String[] {"/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js",
                "/v3/api-docs", "/v3/api-docs/swagger-config"}) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                            .doesNotContain("unsafe-eval"));
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
    }

    @Test
    void swaggerUiWorksUnderItsContentSecurityPolicy() {
        try (Chromium chromium = new Chromium("swagger-ui")) {
            Page page = chromium.newPage();
            List<String> refused = new ArrayList<>();
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    refused.add(message.text());
                }
            });

            page.navigate("http://localhost:" + port + "/swagger-ui/index.html");

            PlaywrightAssertions.assertThat(page.locator(".swagger-ui .info .title")).containsText("gridcase API");
            PlaywrightAssertions.assertThat(page.locator(".opblock-summary-path").first()).isVisible();
            page.locator(".opblock-summary-path", new Page.LocatorOptions().setHasText("/api/cases")).first().click();
            PlaywrightAssertions.assertThat(page.locator(".opblock-body").first()).isVisible();
            chromium.screenshot(page, "swagger-ui");
            assertThat(refused).isEmpty();
        }
    }
}

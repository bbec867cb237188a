package org.gridcase.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gridcase.registry.CategoryService;
import org.gridcase.registry.GridLocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API description read as its users read it (the demo, default profile, the context of
 * DefaultProfileSmokeTests): every operation summarised in Chinese and English, the answers of opening a case as
 * they really come, and examples that work in the demo district when sent as they are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:default-profile-smoke;DB_CLOSE_DELAY=-1")
class ApiDescriptionTests {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{3,}");

    @LocalServerPort
    int port;

    @Autowired
    GridLocator grids;

    @Autowired
    CategoryService categories;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    JsonNode description;

    @BeforeEach
    void readDescription() throws Exception {
        description = json.readTree(get("/v3/api-docs").body());
    }

    @Test
    void everyOperationIsSummarisedInChineseAndEnglish() {
        List<String> unsummarised = new ArrayList<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String summary = op.getValue().path("summary").asText("");
            if (!CHINESE.matcher(summary).find() || !ENGLISH.matcher(summary).find()) {
                unsummarised.add(op.getKey().toUpperCase() + " " + path.getKey() + ": '" + summary + "'");
            }
        }));

        assertThat(description.get("paths").size()).isGreaterThan(10);
        assertThat(unsummarised).isEmpty();
    }

    @Test
    void openingACaseDocumentsTheCreatedCaseTheReplayAndTheRefusals() {
        JsonNode answers = description.at("/paths/~1api~1cases/post/responses");

        assertThat(answers.has("201")).as("201 documented").isTrue();
        assertThat(answers.at("/201/description").asText()).contains("受理");
        assertThat(answers.at("/201/headers/Location").isMissingNode()).as("Location header").isFalse();
        assertThat(answers.at("/201/content/application~1json/schema/$ref").asText()).endsWith("/OpenedCase");
        assertThat(answers.fieldNames()).toIterable().contains("200", "400", "429");
        assertThat(answers.at("/400/content/application~1problem+json/schema").isMissingNode()).isFalse();
    }

    @Test
    void theReportExampleIsAPlaceInTheDemoDistrictAndARealCategoryAndIsAcceptedAsItIs() throws Exception {
        JsonNode properties = description.at("/components/schemas/NewCase/properties");
        ObjectNode example = json.createObjectNode();
        properties.fields().forEachRemaining(p -> {
            if (p.getValue().has("example")) {
                example.set(p.getKey(), p.getValue().get("example"));
            }
        });

        assertThat(example.path("lat").isNumber()).as("lat example").isTrue();
        var placement = grids.locate(example.get("lat").asDouble(), example.get("lon").asDouble());
        assertThat(placement).as("the example point lies in a demo grid").isPresent();
        assertThat(example.path("gridCode").asText()).isEqualTo(placement.orElseThrow().grid().code());
        assertThat(categories.get(example.path("category").asText()).name()).isNotBlank();

        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(uri("/api/cases"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(example.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(json.readTree(opened.body()).get("caseNumber").asText()).matches(
                description.at("/components/schemas/OpenedCase/properties/caseNumber/pattern").asText(".+"));
    }

    @Test
    void theGridLookupsExampleIsThePointOfTheReportExample() {
        JsonNode parameters = description.at("/paths/~1api~1registry~1grids~1locate/get/parameters");
        JsonNode report = description.at("/components/schemas/NewCase/properties");
        assertThat(parameters.findValuesAsText("name")).containsExactly("lat", "lon");
        assertThat(parameters.get(0).get("example").asDouble()).isEqualTo(report.at("/lat/example").asDouble());
        assertThat(parameters.get(1).get("example").asDouble()).isEqualTo(report.at("/lon/example").asDouble());
    }

    @Test
    void exampleAnswersNameNoCodesAStaffMemberWouldNotRecognise() {
        JsonNode opened = description.at("/components/schemas/OpenedCase/properties");
        assertThat(opened.at("/caseNumber/example").asText()).isNotBlank();
        assertThat(opened.at("/statusLabel/example").asText()).containsPattern(CHINESE);
        assertThat(opened.at("/trackingUrl/example").asText()).contains("/api/cases/").contains("token=");
        // residents are given the page, apps keep the JSON above
        assertThat(opened.at("/trackingPage/example").asText()).contains("/m/cases/").contains("token=");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

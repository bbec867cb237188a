package org.gridcase.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN_PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.gridcase.AsAuditor;
import org.gridcase.PostgresTest;
import org.gridcase.casework.CaseQueries;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** POST /api/cases and the case views: validation, nothing half-created, idempotency, who sees what. */
@PostgresTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeApiTests {

    @Autowired
    IdentityService identity;

    @Autowired
    CaseQueries cases;

    @Autowired
    MockMvc mvc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    TestDistrict d;

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments) {
        d = TestDistrict.create(units, departments, "990701", 34.0, 104.0);
    }

    /** Each report from a phone of its own: the intake limits how many reports one phone sends an hour. */
    final AtomicInteger phones = new AtomicInteger();

    String report(String overrides) {
        return report(overrides, "1391235%04d".formatted(phones.incrementAndGet()));
    }

    String report(String overrides, String phone) {
        String base = """
                "category":"TRAFFIC.ILLEGAL_PARKING","description":"小区门口长期占道停车","address":"测试社区南门",
                "lat":%s,"lon":%s,"reporterName":"李女士","reporterPhone":"%s","channel":"RESIDENT_APP",
                "photoLinks":["https://example.org/p1.jpg"]""".formatted(d.lat0() + 0.005, d.lon0() + 0.005, phone);
        return "{" + base + (overrides.isEmpty() ? "" : "," + overrides) + "}";
    }

    /** Each report from an address of its own too: the intake limits anonymous reports per address as well. */
    final AtomicInteger addresses = new AtomicInteger();

    ResultActions post(String body) throws Exception {
        String address = "198.18.57.%d".formatted(addresses.incrementAndGet() % 250);
        return mvc.perform(newCase().contentType(MediaType.APPLICATION_JSON).content(body).with(request -> {
            request.setRemoteAddr(address);
            return request;
        }));
    }

    static MockHttpServletRequestBuilder newCase() {
        return MockMvcRequestBuilders.post("/api/cases");
    }

    @Test
    void opensACaseForAnAnonymousResidentAndLetsHerFollowItWithTheTrackingLink() throws Exception {
        // when
        String answer = post(report("", "13912345678")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.caseNumber", matchesPattern("CS-\\d{8}-\\d{4}")))
                .andExpect(jsonPath("$.statusLabel").value("已受理"))
                .andExpect(header().string("Location", containsString("token=")))
                .andReturn().getResponse().getContentAsString();
        String caseNumber = JsonPath.read(answer, "$.caseNumber");
        String trackingUrl = JsonPath.read(answer, "$.trackingUrl");

        // then
        mvc.perform(get(trackingUrl))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseNumber").value(caseNumber))
                .andExpect(jsonPath("$.categoryName").value("道路交通/占道停车"))
                .andExpect(jsonPath("$.reporterPhone").value("139****5678"))
                .andExpect(jsonPath("$.stages[0].label").value("已受理"));
        mvc.perform(get("/api/cases/" + caseNumber)).andExpect(status().isNotFound());
        mvc.perform(get("/api/cases/" + caseNumber).param("token", "guessed")).andExpect(status().isNotFound());
        mvc.perform(get("/api/cases/" + caseNumber).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "category  | \"category\":\"TRAFFIC.NO_SUCH_THING\"",
            "category  | \"category\":\"TRAFFIC\"",
            "lat       | \"lat\":134.5",
            "lon       | \"lon\":-200",
            "description | \"description\":\"   \"",
            "reporterPhone | \"reporterPhone\":\"12345\"",
            "channel   | \"channel\":\"CARRIER_PIGEON\"",
            "gridCode  | \"gridCode\":\"990701001001999\"",
            "photoLinks[0] | \"photoLinks\":[\"not a link\"]",
            "channelSource | \"channelSource\":\"grid:990701001001999\"",
            "channelSource | \"channelSource\":\"app:city-app\"",
            "channelSource | \"channelSource\":\"poster\"",
            "channel   | \"channel\":\"OPEN311\""})
    void refusesABadFieldByNameAndKeepsNothing(String field, String override) throws Exception {
        long instances = runtime.createProcessInstanceQuery().count();

        post(report(override))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));

        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void recordsTheGridWhoseQrCodeOpenedTheReport() throws Exception {
        String answer = post(report("\"channelSource\":\"grid:" + d.westGrid() + "\""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        String caseNumber = JsonPath.read(answer, "$.caseNumber");
        assertThat(AsAuditor.read(identity, () -> cases.find(caseNumber)).orElseThrow().channelSource())
                .isEqualTo("grid:" + d.westGrid());
    }

    @Test
    void refusesADescriptionOverFourThousandCharacters() throws Exception {
        post(report("\"description\":\"" + "堵".repeat(4001) + "\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("4000")));
    }

    @Test
    void refusesAReportWithoutAnyLocationAndMalformedJson() throws Exception {
        post("""
                {"category":"TRAFFIC.ILLEGAL_PARKING","description":"占道","address":"南门","channel":"HOTLINE_12345"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("location"));
        post("{\"category\": \"TRAFFIC").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void givesARetriedRequestTheCaseItsFirstAttemptOpened() throws Exception {
        String body = report("\"description\":\"重试的诉求\"");
        String first = mvc.perform(newCase()
                        .header("Idempotency-Key", "retry-key-0001").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long instances = runtime.createProcessInstanceQuery().count();

        mvc.perform(newCase()
                        .header("Idempotency-Key", "retry-key-0001").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseNumber").value(JsonPath.<String>read(first, "$.caseNumber")));
        mvc.perform(newCase()
                        .header("Idempotency-Key", "retry-key-0001").contentType(MediaType.APPLICATION_JSON)
                        .content(report("\"description\":\"另一份诉求\"")))
                .andExpect(status().isConflict());

        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void refusesAnIdempotencyKeyTooShortToBeUnique() throws Exception {
        mvc.perform(newCase()
                        .header("Idempotency-Key", "abc").contentType(MediaType.APPLICATION_JSON).content(report("")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void listsCasesForStaffOnly() throws Exception {
        String answer = post(report("\"description\":\"列表里的诉求\"")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        // the process places the case in its street right after the start event's async boundary
        String caseNumber = JsonPath.read(answer, "$.caseNumber");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult()
                .getId();
        management.createJobQuery().processInstanceId(instance).list()
                .forEach(job -> management.executeJob(job.getId()));

        mvc.perform(get("/api/cases").param("status", "RECEIVED")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/cases").param("street", d.street()).param("size", "100")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].caseNumber", hasItem(caseNumber)))
                .andExpect(jsonPath("$.content[*].streetCode", hasItem(d.street())))
                .andExpect(jsonPath("$.size").value(100));
        mvc.perform(get("/api/cases").param("status", "LOST").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/cases").param("size", "1000").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/cases/X/notifications")).andExpect(status().isUnauthorized());
    }
}

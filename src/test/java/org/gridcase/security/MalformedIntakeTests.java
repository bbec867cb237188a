package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN_PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.gridcase.PostgresTest;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 1,000 malformed reports (see {@link MalformedReports}) are each answered 4xx, never 5xx, with nothing of the
 * server's insides in the answer, and not one of them opens a case. They are posted by a member of staff, whom
 * the intake does not throttle, so that a 429 cannot hide what the body alone would have caused.
 */
@PostgresTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedIntakeTests {

    static final long SEED = 20_261_129L;
    static final int BODIES = 1_000;

    /** A Java class or package name, a stack frame, SQL or a database error. */
    static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|jdk)\\.[a-z]+\\.|\\borg\\.(?:springframework|hibernate|postgresql|camunda"
                    + "|apache|gridcase|h2)\\b|\\bcom\\.(?:fasterxml|zaxxer)\\b|Exception\\b|\\bat [a-z]+\\.[a-z]"
                    + "|Caused by|\\b(?:SELECT|INSERT|UPDATE|DELETE)\\b.*\\b(?:FROM|INTO|SET|WHERE)\\b|SQLState"
                    + "|PSQL|\\bERROR:|violates|\\bsql\\b", Pattern.CASE_INSENSITIVE);

    @Autowired
    MockMvc mvc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    TestDistrict d;

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments) {
        d = TestDistrict.create(units, departments, "995201", 52.0, 122.0);
    }

    MalformedReports reports() {
        return new MalformedReports(SEED, d.lat0() + 0.005, d.lon0() + 0.005);
    }

    @Test
    void theValidReportTheMutationsStartFromIsAccepted() throws Exception {
        // without this, every malformed body could be refused for a reason that has nothing to do with its defect
        mvc.perform(post("/api/cases").with(httpBasic(ADMIN, ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(reports().valid().toString()))
                .andExpect(status().isCreated());
    }

    @Test
    void answersAThousandMalformedReportsWith4xxAndCreatesNoCase() throws Exception {
        List<MalformedReports.Body> bodies = reports().generate(BODIES);
        long cases = jdbc.queryForObject("SELECT count(*) FROM case_record", Long.class);
        long instances = runtime.createProcessInstanceQuery().count();
        List<String> failures = new ArrayList<>();
        TreeMap<Integer, Integer> statuses = new TreeMap<>();

        for (int i = 0; i < bodies.size(); i++) {
            MalformedReports.Body body = bodies.get(i);
            MockHttpServletResponse answer;
            try {
                answer = mvc.perform(post("/api/cases").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body.bytes())).andReturn().getResponse();
            } catch (Exception unhandled) {
                // MockMvc rethrows what no handler answered; the servlet container would answer 500
                statuses.merge(500, 1, Integer::sum);
                failures.add("#" + i + " unhandled " + unhandled.getCause() + ": " + body.preview());
                continue;
            }
            statuses.merge(answer.getStatus(), 1, Integer::sum);
            String text = answer.getContentAsString(StandardCharsets.UTF_8);
            if (answer.getStatus() < 400 || answer.getStatus() >= 500) {
                failures.add("#" + i + " answered " + answer.getStatus() + ": " + body.preview() + " -> " + head(text));
            } else if (INTERNALS.matcher(text).find()) {
                failures.add("#" + i + " leaks internals: " + body.preview() + " -> " + head(text));
            }
        }

        System.out.println("Malformed intake bodies by answer status: " + statuses);
        assertThat(failures).as("answers to malformed bodies").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_record", Long.class)).isEqualTo(cases);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    private static String head(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}

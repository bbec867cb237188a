package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.gridcase.PostgresTest;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.StaffRole;
import org.gridcase.registry.StaffService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Anonymous reports are limited per client address and per reporter phone, with the limits of application.yaml;
 * staff are not limited, and a retried request is not a new report. Every test plays addresses and phones of its
 * own, so the buckets it fills are its own whatever ran before in this context.
 */
@PostgresTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeThrottleTests {

    static final String HOTLINE = "throttle.hotline";
    static final String HOTLINE_PASSWORD = "hotline-secret";

    /** Phones no other test uses: 177 0000 xxxx. */
    static final AtomicInteger PHONES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${gridcase.security.intake.per-address.burst}")
    int addressBurst;

    @Value("${gridcase.security.intake.per-phone.burst}")
    int phoneBurst;

    TestDistrict d;

    @BeforeAll
    void createDistrictAndAHotlineOperator(@Autowired UnitService units, @Autowired DepartmentService departments,
            @Autowired StaffService staff, @Autowired IdentityService identity) {
        d = TestDistrict.create(units, departments, "995101", 51.0, 121.0);
        TestDistrict.addStaff(staff, HOTLINE, StaffRole.HOTLINE_OPERATOR, d.district(), null);
        var user = identity.createUserQuery().userId(HOTLINE).singleResult();
        user.setPassword(HOTLINE_PASSWORD);
        identity.saveUser(user);
    }

    @Test
    void refusesTheReportOverTheLimitOfAnAddressWith429AndCreatesNothing() throws Exception {
        for (int i = 0; i < addressBurst; i++) {
            report("203.0.113.10", newPhone()).andExpect(status().isCreated());
        }
        long cases = cases();
        long instances = instances();

        report("203.0.113.10", newPhone())
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("[1-9]\\d*")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("请求过于频繁"))
                .andExpect(jsonPath("$.detail", containsString("12345")));

        assertThat(cases()).isEqualTo(cases);
        assertThat(instances()).isEqualTo(instances);
        // another address is still welcome
        report("203.0.113.11", newPhone()).andExpect(status().isCreated());
    }

    @Test
    void limitsOnePhoneWhateverAddressItReportsFrom() throws Exception {
        String phone = newPhone();
        for (int i = 0; i < phoneBurst; i++) {
            report("198.51.100." + (10 + i), phone).andExpect(status().isCreated());
        }
        long cases = cases();

        report("198.51.100.99", phone)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("[1-9]\\d*")))
                .andExpect(jsonPath("$.detail", containsString("手机号")));

        assertThat(cases()).isEqualTo(cases);
        report("198.51.100.99", newPhone()).andExpect(status().isCreated());
    }

    @Test
    void doesNotLimitALoggedInHotlineOperator() throws Exception {
        String phone = newPhone();
        for (int i = 0; i <= Math.max(addressBurst, phoneBurst); i++) {
            mvc.perform(newCase("203.0.113.20", body(phone)).with(httpBasic(HOTLINE, HOTLINE_PASSWORD)))
                    .andExpect(status().isCreated());
        }
    }

    @Test
    void neitherRefusesNorCountsTheRetryOfARequestThatOpenedACase() throws Exception {
        String body = body(newPhone());
        String first = mvc.perform(newCase("203.0.113.30", body).header("Idempotency-Key", "throttle-retry-0001"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        for (int i = 0; i < addressBurst; i++) {
            mvc.perform(newCase("203.0.113.30", body).header("Idempotency-Key", "throttle-retry-0001"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.caseNumber").value(JsonPath.<String>read(first, "$.caseNumber")));
        }

        // the address has spent one report of its burst, not more
        for (int i = 1; i < addressBurst; i++) {
            report("203.0.113.30", newPhone()).andExpect(status().isCreated());
        }
        report("203.0.113.30", newPhone()).andExpect(status().isTooManyRequests());
        mvc.perform(newCase("203.0.113.30", body).header("Idempotency-Key", "throttle-retry-0001"))
                .andExpect(status().isOk());
    }

    @Test
    void countsTheConnectionsAddressAndNotAForwardedForHeaderTheClientSends() throws Exception {
        // Tomcat's RemoteIpValve has already replaced the address when a trusted proxy forwarded the request;
        // a header that reaches the application is the client's own word (TrustedProxiesTests checks the valve)
        for (int i = 0; i < addressBurst; i++) {
            mvc.perform(newCase("203.0.113.40", body(newPhone())).header("X-Forwarded-For", "192.0.2." + i))
                    .andExpect(status().isCreated());
        }
        mvc.perform(newCase("203.0.113.40", body(newPhone())).header("X-Forwarded-For", "192.0.2.200"))
                .andExpect(status().isTooManyRequests());
    }

    private ResultActions report(String address, String phone) throws Exception {
        return mvc.perform(newCase(address, body(phone)));
    }

    private MockHttpServletRequestBuilder newCase(String address, String body) {
        return post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    private String body(String phone) {
        return """
                {"category":"TRAFFIC.ILLEGAL_PARKING","description":"小区门口长期占道停车","address":"测试社区北门",
                 "lat":%s,"lon":%s,"reporterName":"刘先生","reporterPhone":"%s","channel":"RESIDENT_APP"}"""
                .formatted(d.lat0() + 0.005, d.lon0() + 0.005, phone);
    }

    private static String newPhone() {
        return "1770000%04d".formatted(PHONES.incrementAndGet());
    }

    private long cases() {
        return jdbc.queryForObject("SELECT count(*) FROM case_record", Long.class);
    }

    private long instances() {
        return runtime.createProcessInstanceQuery().count();
    }
}

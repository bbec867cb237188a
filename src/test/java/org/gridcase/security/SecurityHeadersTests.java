package org.gridcase.security;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridcase.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The auditors' pages may run only their own scripts, may not be framed, and are not content-sniffed; on the
 * postgres profile the API description and Swagger UI are off unless the operator asks for them
 * ({@link ApiDocsSwitchTests}), and still answer with the same headers.
 */
@PostgresTest
@AutoConfigureMockMvc
class SecurityHeadersTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theAuditPagesAndTheirScriptsComeWithAContentSecurityPolicy() throws Exception {
        for (String page : new String[] {"/audit/", "/audit/index.html", "/audit/replay.html", "/audit/replay.js"}) {
            pageHeaders(mvc.perform(get(page).with(user("page.auditor").authorities(() -> "GROUP_auditors"))))
                    .andExpect(status().isOk());
        }
        // the login prompt itself may not be framed either
        pageHeaders(mvc.perform(get("/audit/index.html"))).andExpect(status().isUnauthorized());
    }

    @Test
    void swaggerUiAndTheApiDescriptionAreOffOnThePostgresProfileAndStillHardened() throws Exception {
        for (String path : new String[] {"/v3/api-docs", "/swagger-ui/index.html", "/swagger-ui.html"}) {
            pageHeaders(mvc.perform(get(path))).andExpect(status().isNotFound());
        }
    }

    /** What every page answer must carry. */
    static ResultActions pageHeaders(ResultActions answer) throws Exception {
        return answer
                .andExpect(header().string("Content-Security-Policy", allOf(
                        containsString("default-src 'self'"),
                        containsString("script-src 'self'"),
                        containsString("object-src 'none'"),
                        containsString("base-uri 'self'"),
                        containsString("frame-ancestors 'none'"),
                        not(containsString("unsafe-eval")))))
                .andExpect(header().string("Content-Security-Policy", not(containsString("script-src 'self' 'unsafe"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }
}

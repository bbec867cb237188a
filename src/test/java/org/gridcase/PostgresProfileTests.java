package org.gridcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The postgres profile, as docker-compose.yml runs it: healthy, secured, and without the demo district. */
@PostgresTest
@AutoConfigureMockMvc
class PostgresProfileTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identity;

    @Value("${gridcase.identity.initial-password:}")
    String initialPassword;

    @Test
    void reportsHealthyOnPostgres() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void loadsNoDemoDataIntoThisDatabase() throws Exception {
        mvc.perform(get("/api/registry/units/610104")
                        .with(httpBasic(EmbeddedPostgresInitializer.ADMIN, EmbeddedPostgresInitializer.ADMIN_PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void hasNoDemoUsersAndNoDemoPassword() {
        assertThat(identity.createUserQuery().userIdIn("grid.worker", "dept.chengguan", "hotline", "auditor").count())
                .isZero();
        assertThat(identity.checkPassword(EmbeddedPostgresInitializer.ADMIN, "demo")).isFalse();
        // staff created in the registry get no password until an administrator sets one
        assertThat(initialPassword).isEmpty();
    }

    @Test
    void protectsTheEngineRestApi() throws Exception {
        mvc.perform(get("/engine-rest/task")).andExpect(status().isUnauthorized());
    }
}

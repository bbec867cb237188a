package org.gridcase.registry;

import static org.gridcase.EmbeddedPostgresInitializer.ADMIN;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN_PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridcase.PostgresTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The mediation teams of the registry through the real security, validation and error handling. */
@PostgresTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediationTeamApiTests {

    @Autowired
    MockMvc mvc;

    TestDistrict d;

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments) {
        d = TestDistrict.create(units, departments, "995901", 59.0, 129.0);
    }

    @Test
    void registersATeamOfACommunityWithItsMediatorsAndChangesIt() throws Exception {
        // when
        mvc.perform(json(post("/api/registry/mediation-teams"), """
                        {"code":"t995901-plumbing","name":"测试社区水电调解小组","unitCode":"%s","speciality":"PLUMBING",
                         "mediators":[{"name":"刘建民","role":"志愿者（水电工）"},{"name":"赵雅琴","role":"社工"}]}"""
                        .formatted(d.community())).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.specialityLabel").value("水电维修"))
                .andExpect(jsonPath("$.active").value(true));
        mvc.perform(json(put("/api/registry/mediation-teams/t995901-plumbing"), """
                        {"name":"测试社区水电调解小组","unitCode":"%s","speciality":"PLUMBING","active":false,
                         "mediators":[{"name":"刘建民"}]}""".formatted(d.community())).with(admin()))
                .andExpect(status().isOk());

        // then
        mvc.perform(get("/api/registry/mediation-teams/t995901-plumbing").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.mediators.length()").value(1))
                .andExpect(jsonPath("$.mediators[0].name").value("刘建民"));
    }

    @Test
    void refusesATeamOfAGridOrWithoutMediatorsInChinese() throws Exception {
        mvc.perform(json(post("/api/registry/mediation-teams"), """
                        {"code":"t995901-grid","name":"网格调解小组","unitCode":"%s","speciality":"COUNSELLING",
                         "mediators":[{"name":"周小军"}]}""".formatted(d.westGrid())).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"))
                .andExpect(jsonPath("$.errors[0].message").value("调解小组必须属于社区或街道"));
        mvc.perform(json(post("/api/registry/mediation-teams"), """
                        {"code":"t995901-empty","name":"空小组","unitCode":"%s","speciality":"COUNSELLING",
                         "mediators":[]}""".formatted(d.community())).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mediators"))
                .andExpect(jsonPath("$.errors[0].message").value("至少一名调解员"));
    }

    @Test
    void letsOnlyAdministratorsChangeTheTeams() throws Exception {
        mvc.perform(json(post("/api/registry/mediation-teams"), "{}").with(httpBasic("nobody", "wrong")))
                .andExpect(status().isUnauthorized());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic(ADMIN, ADMIN_PASSWORD);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}

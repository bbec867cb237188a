package org.gridcase.worktime;

import static org.gridcase.EmbeddedPostgresInitializer.ADMIN;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN_PASSWORD;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The holiday arrangements over the API: everyone reads them, administrators replace a year. */
@PostgresTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarApiTests {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    void aUserWhoIsNoAdministrator(@Autowired IdentityService identity) {
        var user = identity.newUser("calendar.reader");
        user.setPassword("reader-secret");
        identity.saveUser(user);
    }

    @Test
    void servesTheOfficialArrangementOf2026() throws Exception {
        mvc.perform(get("/api/calendar/years/2026").with(httpBasic("calendar.reader", "reader-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '春节')]", hasSize(9)))
                .andExpect(jsonPath("$[?(@.kind == 'WORKDAY')].date", hasItem("2026-02-28")))
                .andExpect(jsonPath("$[?(@.kind == 'WORKDAY')].kindLabel", hasItem("调休上班")));
    }

    @Test
    void letsOnlyAdministratorsReplaceAYear() throws Exception {
        String body = """
                {"days":[{"date":"2099-10-01","kind":"HOLIDAY","name":"国庆节"}]}""";
        mvc.perform(put("/api/calendar/years/2099").with(httpBasic("calendar.reader", "reader-secret"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/calendar/years/2099").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].date").value("2099-10-01"));
    }

    @Test
    void answers400NamingTheDayThatIsWrong() throws Exception {
        mvc.perform(put("/api/calendar/years/2098").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"days":[{"date":"2098-05-01","kind":"HOLIDAY","name":"劳动节"},
                                         {"date":"2097-05-02","kind":"HOLIDAY","name":"劳动节"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days[1].date"));
        mvc.perform(put("/api/calendar/years/2098").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"days":[{"date":"2098-05-01","kind":"DAY_OFF","name":"劳动节"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days[0].kind"));
        mvc.perform(put("/api/calendar/years/2098").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"days":[{"date":"2098-05-01","kind":"HOLIDAY","name":""}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days[0].name"));
        mvc.perform(get("/api/calendar/years/1999").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
    }
}

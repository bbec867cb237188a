package org.gridcase.casework;

import static org.gridcase.EmbeddedPostgresInitializer.ADMIN;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN_PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

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
import org.springframework.test.web.servlet.MockMvc;

/** Assisting departments and other staff add notes to a case; they land in the engine's history. */
@PostgresTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseNotesApiTests {

    @Autowired
    MockMvc mvc;

    String caseNumber;

    @BeforeAll
    void openACase(@Autowired UnitService units, @Autowired DepartmentService departments,
            @Autowired CaseRegistration registration) {
        TestDistrict d = TestDistrict.create(units, departments, "990801", 35.0, 105.0);
        caseNumber = registration.open(new NewCase("TRAFFIC.BUS_BLOCKING", null, "公交车堵路", "东门",
                null, null, d.westGrid(), null, null, Channel.HOTLINE_12345, List.of())).caseNumber();
    }

    @Test
    void recordsANoteUnderItsAuthor() throws Exception {
        mvc.perform(post("/api/cases/" + caseNumber + "/notes").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"物业公司已安排保安疏导\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.author").value(ADMIN));

        mvc.perform(get("/api/cases/" + caseNumber + "/notes").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].text").value("物业公司已安排保安疏导"))
                .andExpect(jsonPath("$[0].author").value(ADMIN));
    }

    @Test
    void refusesAnEmptyNoteAnUnknownCaseAndAnonymousCallers() throws Exception {
        mvc.perform(post("/api/cases/" + caseNumber + "/notes").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(post("/api/cases/XX-20250101-0001/notes").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"备注\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/cases/" + caseNumber + "/notes")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"匿名备注\"}"))
                .andExpect(status().isUnauthorized());
    }
}

package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A member of staff's phone and e-mail, in GET /api/registry/staff and /api/registry/staff/{username}, on the demo
 * district: shown to administrators and to the people of the same unit or department, masked (phone) and left
 * out (e-mail) for everyone else.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffContactsTests {

    /** The demo district's phone numbers (db/demo). */
    static final Map<String, String> PHONES = Map.of(
            "grid.worker", "13991200109",
            "dept.jiaojing", "13991200113",
            "street.dispatcher", "13991200105",
            "auditor", "13991200103",
            "dept.chengguan", "13991200110");

    MockMvc mvc;

    /** The demo has no e-mail addresses: the administrator gives the grid worker one. */
    static final String EMAIL = "zhouxiaojun@example.org";

    @BeforeAll
    void giveTheGridWorkerAnEmail(@Autowired WebApplicationContext context) throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        mvc.perform(put("/api/registry/staff/grid.worker").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"fullName":"周小军","phone":"13991200109","email":"%s","role":"GRID_WORKER",
                                 "unitCode":"610104007001001"}""".formatted(EMAIL)))
                .andExpect(status().isOk());
    }

    @ParameterizedTest(name = "{0} reads {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # reader            | staff member      | contacts
            admin               | grid.worker       | SHOWN
            grid.worker         | grid.worker       | SHOWN
            grid.leader         | grid.worker       | SHOWN
            community.staff     | grid.worker       | MASKED
            street.dispatcher   | grid.worker       | MASKED
            gw.610104007001002  | grid.worker       | MASKED
            dept.chengguan      | grid.worker       | MASKED
            hotline             | grid.worker       | MASKED
            supervisor          | grid.worker       | MASKED
            auditor             | grid.worker       | MASKED
            dept.chengguan      | dept.chengguan    | SHOWN
            dept.chengguan      | dept.jiaojing     | MASKED
            grid.worker         | dept.jiaojing     | MASKED
            hongmiao.dispatcher | street.dispatcher | MASKED
            street.dispatcher   | street.dispatcher | SHOWN
            supervisor          | auditor           | SHOWN
            grid.worker         | auditor           | MASKED
            """)
    void showsContactsToAdministratorsAndTheSameUnitOnly(String reader, String member, String contacts)
            throws Exception {
        String phone = PHONES.get(member);
        String expected = "SHOWN".equals(contacts) ? phone : phone.substring(0, 3) + "****" + phone.substring(7);

        MockHttpServletResponse one = read("/api/registry/staff/" + member, reader);
        MockHttpServletResponse all = read("/api/registry/staff", reader);

        assertThat(one.getStatus()).isEqualTo(200);
        assertThat(JsonPath.<String>read(one.getContentAsString(), "$.phone")).as("one").isEqualTo(expected);
        List<String> listed = JsonPath.read(all.getContentAsString(), "$[?(@.username == '" + member + "')].phone");
        assertThat(listed).as("in the list").containsExactly(expected);
        assertThat(one.getContentAsString()).as("the whole answer").contains(expected)
                .satisfies(body -> assertThat(body.contains(phone)).isEqualTo("SHOWN".equals(contacts)));
        if (member.equals("grid.worker")) {
            String email = "SHOWN".equals(contacts) ? EMAIL : null;
            assertThat(JsonPath.<String>read(one.getContentAsString(), "$.email")).as("e-mail").isEqualTo(email);
            assertThat(JsonPath.<List<String>>read(all.getContentAsString(),
                    "$[?(@.username == 'grid.worker')].email")).as("e-mail in the list").containsExactly(email);
        }
    }

    private MockHttpServletResponse read(String path, String user) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "demo"))).andReturn().getResponse();
    }
}

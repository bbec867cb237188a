package org.gridcase.notification;

import static org.gridcase.EmbeddedPostgresInitializer.ADMIN;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN_PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The bell's API: a member of staff reads their own and their groups' messages, and nobody else's. */
@PostgresTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationInboxApiTests {

    static final String PASSWORD = "inbox-secret";

    @Autowired
    MockMvc mvc;

    TestDistrict d;
    long westMessage;
    long eastMessage;
    long personal;

    @BeforeAll
    void messages(@Autowired UnitService units, @Autowired DepartmentService departments,
            @Autowired StaffService staff, @Autowired IdentityService identity, @Autowired Notifications notifications,
            @Autowired JdbcTemplate jdbc, @Autowired TransactionTemplate transaction) {
        d = TestDistrict.create(units, departments, "990271", 31.7, 101.7);
        TestDistrict.addStaff(staff, "inbox.west", StaffRole.GRID_WORKER, d.westGrid(), null);
        TestDistrict.addStaff(staff, "inbox.east", StaffRole.GRID_WORKER, d.eastGrid(), null);
        for (String username : new String[] {"inbox.west", "inbox.east"}) {
            var user = identity.createUserQuery().userId(username).singleResult();
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        transaction.executeWithoutResult(tx -> {
            notifications.send(Recipient.group("grid-" + d.westGrid()), "WEST-1", NotificationTemplate.LADDER_WARNING,
                    Map.of("caseNumber", "WEST-1", "stage", "即接即办", "holder", "西网格"));
            notifications.send(Recipient.group("grid-" + d.eastGrid()), "EAST-1", NotificationTemplate.LADDER_WARNING,
                    Map.of("caseNumber", "EAST-1", "stage", "即接即办", "holder", "东网格"));
            notifications.send(Recipient.user("inbox.west"), "WEST-2", NotificationTemplate.URGE,
                    Map.of("caseNumber", "WEST-2", "urgedBy", "督办员"));
        });
        westMessage = idOf(jdbc, "WEST-1");
        eastMessage = idOf(jdbc, "EAST-1");
        personal = idOf(jdbc, "WEST-2");
    }

    private static long idOf(JdbcTemplate jdbc, String caseNumber) {
        return jdbc.queryForObject("SELECT id FROM notification_message WHERE case_number = ?", Long.class,
                caseNumber);
    }

    static RequestPostProcessor as(String username) {
        return httpBasic(username, PASSWORD);
    }

    @Test
    void listsTheCallersAndTheirGroupsMessagesUnreadFirst() throws Exception {
        mvc.perform(get("/api/notifications/inbox").with(as("inbox.west")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages", hasSize(2)))
                .andExpect(jsonPath("$.messages[*].caseNumber", everyItem(not("EAST-1"))))
                .andExpect(jsonPath("$.messages[0].caseNumber").value("WEST-2"))
                .andExpect(jsonPath("$.messages[0].recipientName").value("我"))
                .andExpect(jsonPath("$.messages[1].recipientName").value("西网格"))
                .andExpect(jsonPath("$.messages[1].text").value(containsString("WEST-1")))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void marksAMessageReadForTheCallerOnly() throws Exception {
        mvc.perform(post("/api/notifications/" + westMessage + "/read").with(as("inbox.west")))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/notifications/" + westMessage + "/read").with(as("inbox.west")))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/notifications/unread-count").with(as("inbox.west")))
                .andExpect(jsonPath("$.unread").value(1));
        mvc.perform(get("/api/notifications/inbox").with(as("inbox.west")))
                .andExpect(jsonPath("$.messages[0].readAt").value(nullValue()))
                .andExpect(jsonPath("$.messages[1].id").value(westMessage))
                .andExpect(jsonPath("$.messages[1].readAt").isNotEmpty());
        mvc.perform(get("/api/notifications/unread-count").with(as("inbox.east")))
                .andExpect(jsonPath("$.unread").value(1));
    }

    @Test
    void neverShowsAnotherUnitsMessages() throws Exception {
        mvc.perform(get("/api/notifications/inbox").with(as("inbox.east")))
                .andExpect(jsonPath("$.messages", hasSize(1)))
                .andExpect(jsonPath("$.messages[0].caseNumber").value("EAST-1"));
        mvc.perform(post("/api/notifications/" + westMessage + "/read").with(as("inbox.east")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("不存在")));
        mvc.perform(post("/api/notifications/" + personal + "/read").with(as("inbox.east")))
                .andExpect(status().isNotFound());
        // the administrators' group is not every group
        mvc.perform(get("/api/notifications/inbox").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.messages[*].caseNumber", everyItem(not("WEST-1"))));
    }

    @Test
    void asksForALoginAndAnswers400InChineseForABadPage() throws Exception {
        mvc.perform(get("/api/notifications/inbox")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/notifications/inbox").param("size", "0").with(as("inbox.west")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("不能小于 1")));
        mvc.perform(get("/api/notifications/inbox").param("page", "x").with(as("inbox.west")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/notifications/abc/read").with(as("inbox.west")))
                .andExpect(status().isBadRequest());
    }
}

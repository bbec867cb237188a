package org.gridcase.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.registry.RegistryApiTests.admin;
import static org.gridcase.registry.RegistryApiTests.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The duty groups' robots and the staff's choice of channel (issue 14) through the registry's admin API: set by
 * administrators, the secret never shown back, the URLs hidden from everyone else.
 */
@PostgresTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationContactsApiTests {

    static final String WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx";
    static final String DINGTALK = "https://oapi.dingtalk.com/robot/send?access_token=abc123";

    @Autowired
    MockMvc mvc;

    @Autowired
    NotificationContacts contacts;

    TestDistrict d;

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments,
            @Autowired StaffService staff, @Autowired IdentityService identity) {
        d = TestDistrict.create(units, departments, "990241", 31.2, 101.2);
        TestDistrict.addStaff(staff, "robots.worker", StaffRole.GRID_WORKER, d.westGrid(), null);
        var user = identity.createUserQuery().userId("robots.worker").singleResult();
        user.setPassword("worker-secret");
        identity.saveUser(user);
    }

    static RequestPostProcessor worker() {
        return httpBasic("robots.worker", "worker-secret");
    }

    @Test
    void keepsAStreetsRobotsAndNeverShowsTheSecretBack() throws Exception {
        mvc.perform(json(put("/api/registry/units/" + d.street()), """
                        {"name":"测试街道","robots":{"wecomWebhook":"%s","dingtalkWebhook":"%s","dingtalkSecret":"SEC123"}}"""
                        .formatted(WECOM, DINGTALK)).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.robots.wecomWebhook").value(WECOM))
                .andExpect(jsonPath("$.robots.dingtalkSecret").value("已设置"));
        mvc.perform(get("/api/registry/units/" + d.street()).with(admin()))
                .andExpect(jsonPath("$.robots.dingtalkWebhook").value(DINGTALK))
                .andExpect(jsonPath("$.robots.dingtalkSecret").value("已设置"));

        // a later change without robots keeps them; sending 已设置 back keeps the secret
        mvc.perform(json(put("/api/registry/units/" + d.street()), """
                        {"name":"测试街道（改）"}""").with(admin()))
                .andExpect(jsonPath("$.robots.wecomWebhook").value(WECOM));
        mvc.perform(json(put("/api/registry/units/" + d.street()), """
                        {"name":"测试街道","robots":{"dingtalkWebhook":"%s","dingtalkSecret":"已设置"}}"""
                        .formatted(DINGTALK)).with(admin()))
                .andExpect(jsonPath("$.robots.wecomWebhook").value(nullValue()))
                .andExpect(jsonPath("$.robots.dingtalkSecret").value("已设置"));

        assertThat(contacts.ofUnit(d.street())).isEqualTo(new NotificationContacts.Robots(null, DINGTALK));
        assertThat(contacts.dingtalkSecret(DINGTALK)).contains("SEC123");
    }

    @Test
    void showsTheRobotsToAdministratorsOnly() throws Exception {
        mvc.perform(json(put("/api/registry/departments/" + d.department()), """
                        {"name":"测试城管局","kind":"DEPARTMENT","robots":{"wecomWebhook":"%s"}}""".formatted(WECOM))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.robots.wecomWebhook").value(WECOM));
        assertThat(contacts.ofDepartment(d.department()).wecomWebhook()).isEqualTo(WECOM);

        mvc.perform(get("/api/registry/departments/" + d.department()).with(worker()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("测试城管局"))
                .andExpect(jsonPath("$.robots").value(nullValue()));
        mvc.perform(get("/api/registry/units").param("parent", d.district()).with(worker()))
                .andExpect(jsonPath("$[0].robots").value(nullValue()));
        mvc.perform(get("/api/registry/units/" + d.street()).with(worker()))
                .andExpect(jsonPath("$.robots").value(nullValue()));
    }

    @Test
    void answers400InChineseNamingTheRobotField() throws Exception {
        mvc.perform(json(put("/api/registry/units/" + d.community()), """
                        {"name":"测试社区","robots":{"wecomWebhook":"qyapi.weixin.qq.com/send"}}""").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("robots.wecomWebhook"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("企业微信")));
    }

    @Test
    void keepsAStaffMembersChannelAndRefusesSmsWithoutAPhone() throws Exception {
        mvc.perform(json(post("/api/registry/staff"), """
                        {"username":"robots.mail","fullName":"邮件甲","email":"jia@example.gov.cn","role":"GRID_WORKER",
                         "unitCode":"%s","notifyBy":"EMAIL"}""".formatted(d.eastGrid())).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.notifyBy").value("EMAIL"))
                .andExpect(jsonPath("$.notifyByLabel").value("站内消息 + 邮件"));
        mvc.perform(json(post("/api/registry/staff"), """
                        {"username":"robots.plain","fullName":"乙","role":"GRID_WORKER","unitCode":"%s"}"""
                        .formatted(d.eastGrid())).with(admin()))
                .andExpect(jsonPath("$.notifyBy").value("INAPP"));
        mvc.perform(json(put("/api/registry/staff/robots.plain"), """
                        {"fullName":"乙","role":"GRID_WORKER","unitCode":"%s","notifyBy":"SMS"}"""
                        .formatted(d.eastGrid())).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("notifyBy"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("手机号码")));
    }
}

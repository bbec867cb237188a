package org.gridcase.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.EmbeddedPostgresInitializer;
import org.gridcase.casework.CaseRegistration;
import org.gridcase.casework.Channel;
import org.gridcase.casework.NewCase;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.NotifyBy;
import org.gridcase.registry.StaffRole;
import org.gridcase.registry.StaffService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitService;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real routing table (NotificationRouting.dmn, the registry's duty-group robots and staff choices, the quiet
 * hours) driving real cases, on a node of its own whose channels point at stand-ins for WeCom, DingTalk (signed),
 * the intranet SMS gateway and an SMTP server. Nothing of gridcase's own is stood in for: the registry is set up
 * through its services, the case is opened through the registration and whistled through the engine.
 */
class NotificationRoutingEndToEndTests {

    static final String DINGTALK_SECRET = "SECe2e-dingtalk-secret";
    static final String PHONE = "13900002222";
    static final String DEPARTMENT = "jiaojing";
    static final String MAIL = "duty@jiaojing.example.gov.cn";
    /** Monday 22:00 in the district (Asia/Shanghai): inside the quiet hours 21:00-08:00. */
    static final Instant TEN_PM = Instant.parse("2026-03-02T14:00:00Z");
    /** Tuesday 08:00 in the district: the quiet hours end. */
    static final Instant EIGHT_AM = Instant.parse("2026-03-03T00:00:00Z");
    static final ObjectMapper json = new ObjectMapper();

    static WireMockServer http;
    static GreenMail smtp;
    static NotificationNode node;
    static TestDistrict d;

    @BeforeAll
    static void start() {
        http = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        http.start();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        node = NotificationNode.startWithRoutingTable(EmbeddedPostgresInitializer.freshDatabase("notifye2e"),
                "--camunda.bpm.job-execution.enabled=false",
                "--gridcase.notification.link-base-url=https://gridcase.example.gov.cn",
                "--gridcase.resident.public-base-url=https://gridcase.example.gov.cn",
                "--gridcase.notification.sms-http.enabled=true",
                "--gridcase.notification.sms-http.url=http://localhost:" + http.port() + "/gateway",
                "--gridcase.notification.sms-http.body={\"mobile\":\"{phone}\",\"content\":\"{text}\"}",
                "--gridcase.notification.wecom.enabled=true",
                "--gridcase.notification.dingtalk.enabled=true",
                "--gridcase.notification.email.enabled=true",
                "--gridcase.notification.email.from=gridcase@lianhu.example.gov.cn",
                "--spring.mail.host=localhost",
                "--spring.mail.port=" + smtp.getSmtp().getPort());
        // the registry, as an administrator sets it up: a district, the triage departments, the traffic police's
        // duty group robots (WeCom; DingTalk with its signing secret) and a member of its staff who chose e-mail
        d = TestDistrict.create(node.bean(UnitService.class), node.bean(DepartmentService.class), "991401", 45.0,
                115.0);
        TestDistrict.registerTriageDepartments(node.bean(DepartmentService.class));
        String base = "http://localhost:" + http.port();
        TestDistrict.setRobots(node.bean(DepartmentService.class), DEPARTMENT, base + "/wecom?key=e2e-wecom-key",
                base + "/dingtalk?access_token=e2e-ding-token", DINGTALK_SECRET);
        TestDistrict.addStaff(node.bean(StaffService.class), "dept.jiaojing.duty", StaffRole.DEPARTMENT_STAFF, null,
                DEPARTMENT, "13900003333", MAIL, NotifyBy.EMAIL);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        http.stop();
        smtp.stop();
    }

    @BeforeEach
    void standInsAnswerAsProvidersDo() throws Exception {
        http.resetAll();
        smtp.purgeEmailFromAllMailboxes();
        http.stubFor(post(urlPathEqualTo("/gateway")).willReturn(okJson("{\"result\":0}")));
        http.stubFor(post(urlPathEqualTo("/wecom")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        http.stubFor(post(urlPathEqualTo("/dingtalk")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        NotificationNode.clockAt(TEN_PM);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCaseWhistledAtNightReachesTheDepartmentAtOnceAndTheReporterAfterTheQuietHours() throws Exception {
        // given: a resident reports a bus blocking the road at 22:00 (urgent, not an emergency)
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        String caseNumber = instance.getBusinessKey();
        node.runDueDeliveries();
        assertThat(requests("/gateway")).as("the reporter's text waits for the end of the quiet hours").isEmpty();

        // when: the street summons the traffic police that night
        whistle(instance, DEPARTMENT);
        node.runDueDeliveries();

        // then: its duty group's robots each hear once, at once, with the case number and the case's link
        String link = "https://gridcase.example.gov.cn/workbench/case.html?n=" + caseNumber;
        JsonNode wecom = json.readTree(single("/wecom").getBodyAsString());
        assertThat(single("/wecom").queryParameter("key").firstValue()).isEqualTo("e2e-wecom-key");
        assertThat(wecom.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(wecom.path("markdown").path("content").asText())
                .contains("【吹哨报到】", caseNumber, "[查看工单](" + link + ")");
        LoggedRequest ding = single("/dingtalk");
        dingTalkRequestIsSignedAsDocumented(ding);
        JsonNode dingBody = json.readTree(ding.getBodyAsString());
        assertThat(dingBody.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(dingBody.path("markdown").path("text").asText())
                .contains("【吹哨报到】", caseNumber, "[查看工单](" + link + ")");
        // and the member of staff who chose e-mail has it by e-mail
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo(MAIL);
        assertThat(mails[0].getSubject()).contains(caseNumber);
        assertThat(mails[0].getContent().toString()).contains("【吹哨报到】", caseNumber, link);
        assertThat(requests("/gateway")).as("still quiet at 07:59").isEmpty();

        // when: the clock passes 08:00 the next morning
        NotificationNode.clockAt(EIGHT_AM.minusSeconds(60));
        assertThat(node.runDueDeliveries()).isZero();
        NotificationNode.clockAt(EIGHT_AM.plusSeconds(1));
        node.runDueDeliveries();

        // then: the reporter's text goes once to the gateway, carrying the tracking link that opens the tracking page
        JsonNode text = json.readTree(single("/gateway").getBodyAsString());
        assertThat(text.path("mobile").asText()).isEqualTo(PHONE);
        Matcher tracking = Pattern.compile("https://gridcase\\.example\\.gov\\.cn(/m/cases/" + Pattern.quote(caseNumber)
                + "\\?token=[^\\s，。]+)").matcher(text.path("content").asText());
        assertThat(tracking.find()).as("the tracking link in: " + text.path("content").asText()).isTrue();
        HttpResponse<String> page = get(tracking.group(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>诉求进展", "/m/js/track.js");
        // the page reads the case with the link's token, as its script does; another token opens nothing
        String token = URI.create("http://x" + tracking.group(1)).getQuery().substring("token=".length());
        HttpResponse<String> shown = get("/api/resident/cases/" + caseNumber + "?token=" + token);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains(caseNumber);
        assertThat(get("/api/resident/cases/" + caseNumber + "?token=x" + token).statusCode()).isBetween(400, 499);

        // and nothing goes twice when the jobs' time comes again
        NotificationNode.clockAt(EIGHT_AM.plusSeconds(3600));
        assertThat(node.runDueDeliveries()).isZero();
        assertThat(http.getAllServeEvents()).hasSize(3);
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        // and the case's deliveries list each once, delivered
        List<DeliveryView> deliveries = node.bean(NotificationLog.class).deliveriesAbout(caseNumber);
        assertThat(deliveries).extracting(v -> v.template() + " " + v.channel() + " " + v.attempt() + " " + v.outcome())
                .containsExactlyInAnyOrder(
                        "DEPARTMENT_SUMMONED wecom 1 已送达",
                        "DEPARTMENT_SUMMONED dingtalk 1 已送达",
                        "DEPARTMENT_SUMMONED email 1 已送达",
                        "DEPARTMENT_SUMMONED inapp 1 已送达",
                        "REPORTER_RECEIVED sms-http 1 已送达");
        assertThat(deliveries).filteredOn(v -> v.channel().equals("sms-http")).singleElement()
                .satisfies(v -> assertThat(v.at()).isAfterOrEqualTo(EIGHT_AM));
    }

    @Test
    void anEmergencyReportedAtNightTextsTheReporterAtOnce() throws Exception {
        // when: a road caves in at 22:00
        ProcessInstance instance = report("SAFETY.ROAD_SUBSIDENCE", Urgency.EMERGENCY);
        node.runDueDeliveries();

        // then: the reporter's text does not wait for the morning
        JsonNode text = json.readTree(single("/gateway").getBodyAsString());
        assertThat(text.path("mobile").asText()).isEqualTo(PHONE);
        assertThat(text.path("content").asText()).contains(instance.getBusinessKey(), "/m/cases/");
        assertThat(node.bean(NotificationLog.class).deliveriesAbout(instance.getBusinessKey()))
                .filteredOn(v -> v.channel().equals("sms-http")).singleElement()
                .satisfies(v -> {
                    assertThat(v.outcome()).isEqualTo("已送达");
                    assertThat(v.at()).isBefore(EIGHT_AM);
                });
    }

    /** Opens a case as the intake API does and runs the process up to where it waits for people. */
    static ProcessInstance report(String category, Urgency urgency) {
        String caseNumber = node.bean(CaseRegistration.class).open(new NewCase(category, urgency, "测试诉求：" + category,
                "测试社区 1 号楼", d.lat0() + 0.005, d.lon0() + 0.005, null, "张先生", PHONE, Channel.RESIDENT_APP,
                List.of("https://example.org/photo.jpg"))).caseNumber();
        ProcessInstance instance = node.bean(RuntimeService.class).createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).singleResult();
        runProcessJobs(instance);
        return instance;
    }

    /** The street summons one department, the lead. */
    static void whistle(ProcessInstance instance, String department) {
        TaskService tasks = node.bean(TaskService.class);
        Task whistle = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_BlowWhistle").singleResult();
        assertThat(whistle).as("the case waits for the whistle").isNotNull();
        tasks.complete(whistle.getId(), Map.of("departments", List.of(department), "leadDepartment", department,
                "whistleNote", "请到场"));
        runProcessJobs(instance);
    }

    /** The case's own due jobs (the engine's async continuations), not the deliveries. */
    static void runProcessJobs(ProcessInstance instance) {
        ManagementService management = node.bean(ManagementService.class);
        for (List<Job> due = processJobs(instance); !due.isEmpty(); due = processJobs(instance)) {
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    static List<Job> processJobs(ProcessInstance instance) {
        return node.bean(ManagementService.class).createJobQuery().processInstanceId(instance.getId()).executable()
                .list().stream().filter(job -> !DeliveryJobs.TYPE.equals(((JobEntity) job).getJobHandlerType()))
                .filter(job -> job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime()))
                .toList();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + node.port() + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<LoggedRequest> requests(String path) {
        return http.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    static LoggedRequest single(String path) {
        List<LoggedRequest> requests = requests(path);
        assertThat(requests).as("requests to " + path).hasSize(1);
        return requests.get(0);
    }

    /** DingTalk's 加签, recomputed: sign = Base64(HmacSHA256(secret, timestamp + "\n" + secret)), urlencoded. */
    static void dingTalkRequestIsSignedAsDocumented(LoggedRequest request) throws Exception {
        assertThat(request.queryParameter("access_token").firstValue()).isEqualTo("e2e-ding-token");
        String timestamp = request.queryParameter("timestamp").firstValue();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(DINGTALK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + DINGTALK_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.queryParameter("sign").firstValue()).isEqualTo(expected);
        assertThat(request.getUrl()).contains("sign=" + java.net.URLEncoder.encode(expected, StandardCharsets.UTF_8));
        assertThat(Math.abs(Long.parseLong(timestamp) - ClockUtil.getCurrentTime().getTime())).isLessThan(3_600_000);
    }
}

package org.gridcase.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Messages leave gridcase on every channel, once, through stand-ins for the providers (an SMTP server, HTTP servers
 * for Aliyun SMS, the intranet gateway, the WeCom and DingTalk robots and a webhook receiver) that check each
 * request the way the provider documents it, signatures recomputed here from the documented recipe.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationDeliveryTests {

    static final String ALIYUN_SECRET = "aliyun-test-secret";
    static final String DINGTALK_SECRET = "SECdingtalk-test-secret";
    static final String WEBHOOK_SECRET = "webhook-test-secret";
    static final String PHONE = "13800000001";
    static final ObjectMapper json = new ObjectMapper();

    static WireMockServer http;
    static GreenMail smtp;
    static String database;
    static NotificationNode node;

    @BeforeAll
    static void start() {
        http = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        http.start();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        database = EmbeddedPostgresInitializer.freshDatabase("notify");
        node = NotificationNode.start(database, settings(false));
    }

    /** Every channel on, pointed at the stand-ins; the webhook gives up after 3 tries (the final-state test). */
    static String[] settings(boolean jobExecutor) {
        String base = "http://localhost:" + http.port();
        return new String[] {
            "--camunda.bpm.job-execution.enabled=" + jobExecutor,
            "--gridcase.notification.link-base-url=https://gridcase.example.gov.cn",
            "--gridcase.notification.sms.enabled=true",
            "--gridcase.notification.sms.endpoint=" + base + "/aliyun/",
            "--gridcase.notification.sms.access-key-id=test-key-id",
            "--gridcase.notification.sms.access-key-secret=" + ALIYUN_SECRET,
            "--gridcase.notification.sms.sign-name=莲湖网格",
            "--gridcase.notification.sms.templates.REPORTER_FEEDBACK=SMS_100001",
            "--gridcase.notification.sms-http.enabled=true",
            "--gridcase.notification.sms-http.url=" + base + "/gateway",
            "--gridcase.notification.sms-http.body={\"mobile\":\"{phone}\",\"content\":\"{text}\"}",
            "--gridcase.notification.wecom.enabled=true",
            "--gridcase.notification.dingtalk.enabled=true",
            "--gridcase.notification.dingtalk.secrets.ding-token=" + DINGTALK_SECRET,
            "--gridcase.notification.email.enabled=true",
            "--gridcase.notification.email.from=gridcase@lianhu.example.gov.cn",
            "--spring.mail.host=localhost",
            "--spring.mail.port=" + smtp.getSmtp().getPort(),
            "--gridcase.notification.webhook.enabled=true",
            "--gridcase.notification.webhook.endpoints.city12345.url=" + base + "/hook",
            "--gridcase.notification.webhook.endpoints.city12345.secret=" + WEBHOOK_SECRET,
            "--gridcase.notification.webhook.retry.max-tries=3",
        };
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
        http.stubFor(post(urlPathEqualTo("/aliyun/")).willReturn(okJson(
                "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"F655A8D5\"}")));
        http.stubFor(post(urlPathEqualTo("/gateway")).willReturn(okJson("{\"result\":0}")));
        http.stubFor(post(urlPathEqualTo("/wecom")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        http.stubFor(post(urlPathEqualTo("/dingtalk")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        http.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        NotificationNode.routes.clear();
        NotificationNode.clockAt(Instant.parse("2026-03-02T02:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @Order(1)
    void aMessageReachesEachOfItsChannelsOnce() throws Exception {
        // given
        String base = "http://localhost:" + http.port();
        NotificationNode.routes.addAll(List.of(new Route("sms", PHONE, null), new Route("sms-http", PHONE, null),
                new Route("wecom", base + "/wecom?key=wecom-key", null),
                new Route("dingtalk", base + "/dingtalk?access_token=ding-token", null),
                new Route("email", "duty@chengguan.example.gov.cn", null), new Route("webhook", "city12345", null),
                new Route("inapp", "reporter:" + PHONE, null), new Route("log", "reporter:" + PHONE, null)));

        // when
        node.send(Recipient.reporter(PHONE), "LH-DELIVER-1", NotificationTemplate.REPORTER_FEEDBACK, feedback("LH-DELIVER-1"));
        int ran = node.runDueDeliveries();

        // then: seven sending jobs ran; the bell's delivery was made with the message, without a job of its own
        assertThat(ran).isEqualTo(7);
        assertThat(node.jdbc().queryForList("select channel, status, attempts from notification_delivery"
                + " order by id")).extracting(row -> row.get("channel") + " " + row.get("status") + " " + row.get("attempts"))
                .containsExactly("sms SENT 1", "sms-http SENT 1", "wecom SENT 1", "dingtalk SENT 1", "email SENT 1",
                        "webhook SENT 1", "inapp SENT 1", "log SENT 1");
        String key = node.jdbc().queryForObject(
                "select idempotency_key from notification_delivery where channel = 'sms'", String.class);
        aliyunRequestIsSignedAsDocumented(single("/aliyun/"), key);
        JsonNode gateway = json.readTree(single("/gateway").getBodyAsString());
        assertThat(gateway.path("mobile").asText()).isEqualTo(PHONE);
        assertThat(gateway.path("content").asText()).contains("LH-DELIVER-1", "已办理完毕");
        JsonNode wecom = json.readTree(single("/wecom").getBodyAsString());
        assertThat(wecom.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(wecom.path("markdown").path("content").asText()).contains("已办理完毕",
                "[查看工单](https://gridcase.example.gov.cn/workbench/case.html?n=LH-DELIVER-1)");
        dingTalkRequestIsSignedAsDocumented(single("/dingtalk"));
        webhookIsSignedAsDocumented(single("/hook"));
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("duty@chengguan.example.gov.cn");
        assertThat(mails[0].getSubject()).contains("LH-DELIVER-1");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mails[0])).isNotBlank();

        // and when the jobs' time comes again, nothing is sent twice; a stray second job for a SENT delivery (a
        // resend racing its own job, say) finds it SENT under the row lock and sends nothing
        NotificationNode.clockAt(Instant.parse("2026-03-02T05:00:00Z"));
        assertThat(node.runDueDeliveries()).isZero();
        long smsDelivery = node.jdbc().queryForObject("select id from notification_delivery where channel = 'sms'",
                Long.class);
        new org.springframework.transaction.support.TransactionTemplate(
                node.bean(org.springframework.transaction.PlatformTransactionManager.class)).executeWithoutResult(
                        status -> node.bean(DeliveryJobs.class).schedule(smsDelivery, ClockUtil.getCurrentTime().toInstant()));
        assertThat(node.runDueDeliveries()).isEqualTo(1);
        assertThat(http.getAllServeEvents()).hasSize(5);
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        // and operators see it per channel on /actuator/prometheus
        String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + node.port() + "/actuator/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("gridcase_notification_sent_total{channel=\"sms\"} 1.0",
                "gridcase_notification_sent_total{channel=\"dingtalk\"} 1.0",
                "gridcase_notification_pending{channel=\"wecom\"} 0.0", "gridcase_notification_delay_seconds_count");
    }

    @Test
    @Order(2)
    void anSmsProviderDownForTenMinutesDelaysMessagesButNeitherLosesNorDuplicatesThem() {
        // given: the provider answers 500 for ten minutes of the engine's clock
        Instant start = Instant.parse("2026-03-02T02:00:00Z");
        http.stubFor(post(urlPathEqualTo("/aliyun/")).willReturn(aResponse().withStatus(500)
                .withBody("{\"Code\":\"ServiceUnavailable\",\"Message\":\"The request has failed due to a temporary failure of the server.\"}")));
        NotificationNode.routes.add(new Route("sms", PHONE, null));
        for (int i = 1; i <= 3; i++) {
            node.send(Recipient.reporter(PHONE), "LH-DOWN-" + i, NotificationTemplate.REPORTER_FEEDBACK, feedback("LH-DOWN-" + i));
        }

        // when: the engine's clock runs on in 15-second steps for half an hour, the provider back after ten minutes
        boolean back = false;
        for (Instant now = start; now.isBefore(start.plus(Duration.ofMinutes(30))); now = now.plusSeconds(15)) {
            if (!back && !now.isBefore(start.plus(Duration.ofMinutes(10)))) {
                http.stubFor(post(urlPathEqualTo("/aliyun/")).willReturn(okJson("{\"Code\":\"OK\",\"Message\":\"OK\"}")));
                back = true;
            }
            NotificationNode.clockAt(now);
            node.runDueDeliveries();
        }

        // then: each message was taken exactly once, on the first try after the provider came back
        List<ServeEvent> taken = http.getAllServeEvents().stream()
                .filter(event -> event.getResponse().getStatus() == 200).toList();
        assertThat(taken).hasSize(3);
        assertThat(taken.stream().map(event -> form(event.getRequest()).get("OutId")).distinct()).hasSize(3);
        assertThat(http.getAllServeEvents().size()).isGreaterThan(3 * 4);
        assertThat(node.jdbc().queryForList("select status, attempts, last_error from notification_delivery"
                + " where message_id in (select id from notification_message where case_number like 'LH-DOWN-%')"))
                .allSatisfy(row -> {
                    assertThat(row.get("status")).isEqualTo("SENT");
                    assertThat((Integer) row.get("attempts")).isEqualTo(6);
                });
        assertThat(node.jdbc().queryForObject("select count(*) from notification_delivery_attempt a join"
                + " notification_delivery d on d.id = a.delivery_id join notification_message m on m.id = d.message_id"
                + " where m.case_number like 'LH-DOWN-%' and not a.succeeded and a.error like '%HTTP 500%'",
                Integer.class)).isEqualTo(15);
    }

    @Test
    @Order(3)
    void aDeliveryFailsAfterItsLastTryAndIsSentWhenResent() {
        // given: the webhook receiver is down; the webhook channel gives up after 3 tries (30 s, then 60 s)
        http.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(503).withBody("maintenance")));
        NotificationNode.routes.add(new Route("webhook", "city12345", null));
        node.send(Recipient.group("street-lianhu"), "LH-FAIL-1", NotificationTemplate.URGE, Map.of());

        // when
        for (int second = 0; second <= 300; second += 10) {
            NotificationNode.clockAt(Instant.parse("2026-03-02T02:00:00Z").plusSeconds(second));
            node.runDueDeliveries();
        }

        // then
        Map<String, Object> failed = node.jdbc().queryForMap("select id, status, attempts, last_error from"
                + " notification_delivery where channel = 'webhook' order by id desc limit 1");
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(failed.get("attempts")).isEqualTo(3);
        assertThat((String) failed.get("last_error")).contains("HTTP 503", "maintenance");
        assertThat(node.dueDeliveryJobs()).isEmpty();

        // when an administrator resends it, the receiver being back
        http.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        node.bean(DeliveryAdministration.class).resend(((Number) failed.get("id")).longValue());
        node.runDueDeliveries();

        // then
        assertThat(node.jdbc().queryForObject("select status from notification_delivery where id = ?", String.class,
                failed.get("id"))).isEqualTo("SENT");
        assertThat(http.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 200)).hasSize(1);
    }

    @Test
    @Order(4)
    void aMessageCommittedBeforeACrashIsDeliveredAfterTheRestart() throws Exception {
        // given: a message committed, then the node stops before its job ran
        ClockUtil.reset();
        NotificationNode.routes.add(new Route("sms-http", PHONE, null));
        node.send(Recipient.reporter(PHONE), "LH-CRASH-1", NotificationTemplate.REPORTER_FEEDBACK, feedback("LH-CRASH-1"));
        node.close();
        node = null;
        assertThat(http.getAllServeEvents()).isEmpty();

        // when: a node starts on the same database, its job executor running
        node = NotificationNode.start(database, settings(true));

        // then
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (http.getAllServeEvents().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(http.getAllServeEvents()).hasSize(1);
        assertThat(json.readTree(single("/gateway").getBodyAsString()).path("content").asText()).contains("LH-CRASH-1");
        Thread.sleep(2000);
        assertThat(http.getAllServeEvents()).hasSize(1);
    }

    static Map<String, ?> feedback(String caseNumber) {
        return Map.of("streetName", "北院门街道", "categoryName", "占道经营", "result", "已清理", "caseNumber", caseNumber);
    }

    static LoggedRequest single(String path) {
        List<LoggedRequest> requests = http.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).as("requests to " + path).hasSize(1);
        return requests.get(0);
    }

    static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8), (a, b) -> b, TreeMap::new));
    }

    /** Aliyun's RPC signature, recomputed: https://help.aliyun.com/document_detail/315526.html (签名机制). */
    static void aliyunRequestIsSignedAsDocumented(LoggedRequest request, String idempotencyKey) throws Exception {
        Map<String, String> parameters = form(request);
        assertThat(parameters).containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25")
                .containsEntry("SignatureMethod", "HMAC-SHA1").containsEntry("SignatureVersion", "1.0")
                .containsEntry("AccessKeyId", "test-key-id").containsEntry("PhoneNumbers", PHONE)
                .containsEntry("SignName", "莲湖网格").containsEntry("TemplateCode", "SMS_100001")
                .containsEntry("OutId", idempotencyKey);
        assertThat(json.readTree(parameters.get("TemplateParam")).path("content").asText()).contains("已办理完毕");
        String signature = parameters.remove("Signature");
        String canonical = parameters.entrySet().stream()
                .map(e -> rfc3986(e.getKey()) + "=" + rfc3986(e.getValue())).collect(Collectors.joining("&"));
        String stringToSign = "POST&%2F&" + rfc3986(canonical);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec((ALIYUN_SECRET + "&").getBytes(StandardCharsets.UTF_8),
                "HmacSHA1"));
        assertThat(signature).isEqualTo(java.util.Base64.getEncoder()
                .encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8))));
    }

    /** RFC 3986 percent-encoding, everything but A-Z a-z 0-9 - _ . ~ encoded, as Aliyun specifies. */
    static String rfc3986(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** DingTalk's 加签: https://open.dingtalk.com/document/robots/customize-robot-security-settings */
    static void dingTalkRequestIsSignedAsDocumented(LoggedRequest request) throws Exception {
        String timestamp = request.queryParameter("timestamp").firstValue();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(DINGTALK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + DINGTALK_SECRET).getBytes(StandardCharsets.UTF_8)));
        // WireMock hands the query parameter decoded: the sign as DingTalk computes it before urlencoding
        assertThat(request.queryParameter("sign").firstValue()).isEqualTo(expected);
        assertThat(request.getUrl()).contains("sign=" + java.net.URLEncoder.encode(expected, StandardCharsets.UTF_8));
        assertThat(Math.abs(Long.parseLong(timestamp) - ClockUtil.getCurrentTime().getTime())).isLessThan(3_600_000);
        JsonNode body = json.readTree(request.getBodyAsString());
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("title").asText()).isEqualTo("工单 LH-DELIVER-1");
        assertThat(body.path("markdown").path("text").asText()).contains("已办理完毕", "case.html?n=LH-DELIVER-1");
    }

    static void webhookIsSignedAsDocumented(LoggedRequest request) throws Exception {
        String timestamp = request.getHeader("X-Gridcase-Timestamp");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + request.getBodyAsString()).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("X-Gridcase-Signature")).isEqualTo("sha256=" + expected);
        JsonNode event = json.readTree(request.getBodyAsString());
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(event.path("id").asText()).isNotBlank();
        assertThat(event.path("type").asText()).isEqualTo("notification");
        assertThat(event.path("caseNumber").asText()).isEqualTo("LH-DELIVER-1");
        assertThat(event.path("template").asText()).isEqualTo("REPORTER_FEEDBACK");
        assertThat(event.path("text").asText()).contains("已办理完毕");
    }
}

package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 通知投递 in headless Chromium: an administrator finds it in the navigation, reads each channel's figures and the
 * deliveries that failed after their last try, and resends one. The failed deliveries are written here as the
 * sending job leaves them (the demo runs only the log and in-app channels, which do not fail).
 * Screenshot: target/screenshots/notifications/notifications.png.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Chromium chromium;

    @BeforeAll
    void startBrowser() {
        chromium = new Chromium("notifications");
    }

    @AfterAll
    void stopBrowser() {
        chromium.close();
    }

    @Test
    void anAdministratorSeesTheChannelsAndResendsAFailedDelivery() {
        // given: two deliveries that failed after their last try
        long sms = failedDelivery("reporter:13700005001", "sms", "13700005001",
                "服务器答复 HTTP 500：{\"Code\":\"ServiceUnavailable\"}", 8);
        long log = failedDelivery("group:dept-chengguan", "log", "group:dept-chengguan", "无法连接服务器", 8);

        // when
        Workbench workbench = new Workbench(chromium.newPage(), port).open("/workbench/").signIn("admin");
        Page page = workbench.page();
        page.locator("header nav a", new Page.LocatorOptions().setHasText("通知投递")).click();

        // then
        assertThat(page.locator("#channels")).containsText("站内消息");
        assertThat(page.locator("#channels")).containsText("日志");
        Locator smsRow = page.locator("#deliveries tr", new Page.LocatorOptions().setHasText("137****5001"));
        assertThat(smsRow).containsText("短信（阿里云）");
        assertThat(smsRow).containsText("失败");
        assertThat(smsRow).containsText("催办");
        assertThat(smsRow).containsText("HTTP 500");
        Locator logRow = page.locator("#deliveries tr", new Page.LocatorOptions().setHasText("group:dept-chengguan"));
        assertThat(logRow).containsText("无法连接服务器");
        chromium.screenshot(page, "notifications");

        // when the administrator resends the one whose channel is back
        logRow.locator("button", new Locator.LocatorOptions().setHasText("重发")).click();

        // then it leaves the failed list, queued again, and is delivered by its job
        assertThat(page.locator("#notice")).containsText("已重新排队发送");
        assertThat(logRow).hasCount(0);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"SENT".equals(status(log)) && System.nanoTime() < deadline) {
            page.waitForTimeout(200);
        }
        org.assertj.core.api.Assertions.assertThat(status(log)).isEqualTo("SENT");
        org.assertj.core.api.Assertions.assertThat(status(sms)).isEqualTo("FAILED");
    }

    private String status(long delivery) {
        return jdbc.queryForObject("select status from notification_delivery where id = ?", String.class, delivery);
    }

    private long failedDelivery(String recipient, String channel, String address, String error, int attempts) {
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        Long message = jdbc.queryForObject("insert into notification_message (recipient, case_number, template, text,"
                + " sent_at) values (?, 'LHB-20260301-0001', 'URGE', '【催办】请抓紧办理。', ?) returning id", Long.class,
                recipient, java.sql.Timestamp.from(at));
        return jdbc.queryForObject("insert into notification_delivery (message_id, channel, address, idempotency_key,"
                + " status, attempts, created_at, not_before, last_error) values (?, ?, ?, gen_random_uuid()::text,"
                + " 'FAILED', ?, ?, ?, ?) returning id", Long.class, message, channel, address, attempts,
                java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), error);
    }
}

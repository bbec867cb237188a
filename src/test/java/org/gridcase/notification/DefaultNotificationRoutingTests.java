package org.gridcase.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Until the routing table decides: log and in-app for everyone, SMS for reporters once an SMS channel is on. */
class DefaultNotificationRoutingTests {

    static final Notification TO_REPORTER = new Notification(Recipient.reporter("13700004001"), "LH-1",
            NotificationTemplate.REPORTER_FEEDBACK, "已办理完毕");
    static final Notification TO_GROUP = new Notification(Recipient.group("dept-chengguan"), "LH-1",
            NotificationTemplate.URGE, "请抓紧办理");

    @Test
    void withoutAnSmsChannelEveryMessageIsLoggedAndKeptInTheInbox() {
        NotificationRouting routing = new DefaultNotificationRouting(List.of(new LogChannel(), new InAppChannel()));

        assertThat(routing.routes(TO_REPORTER)).containsExactly(new Route("log", "reporter:13700004001", null),
                new Route("inapp", "reporter:13700004001", null));
    }

    @Test
    void aReporterIsAlsoTextedOnTheSmsChannelThatIsOn() {
        NotificationRouting routing = new DefaultNotificationRouting(List.of(new LogChannel(), new InAppChannel(),
                channel("sms-http")));

        assertThat(routing.routes(TO_REPORTER)).contains(new Route("sms-http", "13700004001", null)).hasSize(3);
        assertThat(routing.routes(TO_GROUP)).extracting(Route::channel).containsExactly("log", "inapp");
    }

    private static DeliveryChannel channel(String id) {
        return new DeliveryChannel() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void deliver(Delivery delivery) {
            }
        };
    }
}

package org.gridcase.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Until the routing table decides: every message is logged and kept in the in-app inbox, and a reporter's message
 * also goes by SMS (Aliyun if configured, else the intranet gateway), at once. A bean only while no other
 * NotificationRouting is: declared by a @Bean method, since on a scanned @Component the condition would find the
 * component's own definition and always skip it.
 */
class DefaultNotificationRouting implements NotificationRouting {

    @Configuration(proxyBeanMethods = false)
    static class Fallback {

        @Bean
        @ConditionalOnMissingBean(NotificationRouting.class)
        NotificationRouting defaultNotificationRouting(List<DeliveryChannel> channels) {
            return new DefaultNotificationRouting(channels);
        }
    }

    private final String sms;

    DefaultNotificationRouting(List<DeliveryChannel> channels) {
        Set<String> enabled = new java.util.HashSet<>(channels.stream().map(DeliveryChannel::id).toList());
        this.sms = enabled.contains(SmsChannel.ID) ? SmsChannel.ID
                : enabled.contains(HttpSmsChannel.ID) ? HttpSmsChannel.ID : null;
    }

    @Override
    public List<Route> routes(Notification notification) {
        List<Route> routes = new ArrayList<>();
        routes.add(new Route(LogChannel.ID, notification.recipient().toString(), null));
        routes.add(new Route(InAppChannel.ID, notification.recipient().toString(), null));
        if (sms != null && "reporter".equals(notification.recipient().kind())) {
            routes.add(new Route(sms, notification.recipient().address(), null));
        }
        return routes;
    }
}

package org.gridcase.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * Until the routing table decides: every message is logged and kept in the in-app inbox, and a reporter's message
 * also goes by SMS (Aliyun if configured, else the intranet gateway), at once.
 */
@Component
@ConditionalOnMissingBean(NotificationRouting.class)
class DefaultNotificationRouting implements NotificationRouting {

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

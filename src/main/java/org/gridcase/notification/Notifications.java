package org.gridcase.notification;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders a template, stores the message and plans its deliveries (one per route the routing gives), all in the
 * caller's transaction (an engine step, a request): a message is stored, and will be sent, only if the step that
 * sent it commits. Sending happens after the commit, in the deliveries' jobs ({@link Deliveries}).
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final StoredNotificationRepository messages;
    private final NotificationRouting routing;
    private final Deliveries deliveries;
    private final NotificationTexts texts;

    Notifications(StoredNotificationRepository messages, NotificationRouting routing, Deliveries deliveries,
            NotificationTexts texts) {
        this.messages = messages;
        this.routing = routing;
        this.deliveries = deliveries;
        this.texts = texts;
    }

    @Transactional
    public Notification send(Recipient recipient, String caseNumber, NotificationTemplate template,
            Map<String, ?> parameters) {
        return send(recipient, caseNumber, template, parameters, false);
    }

    /** {@code urgent}: an emergency or a red card, which goes out at once, quiet hours or not. */
    @Transactional
    public Notification send(Recipient recipient, String caseNumber, NotificationTemplate template,
            Map<String, ?> parameters, boolean urgent) {
        Notification notification = new Notification(recipient, caseNumber, template,
                texts.render(template, parameters), urgent);
        StoredNotification stored = messages.save(new StoredNotification(notification, Deliveries.now()));
        List<Route> routes = routing.routes(notification);
        deliveries.plan(stored, routes);
        log.info("Notification {} for case {} to {}: {} route(s)", template, caseNumber, recipient, routes.size());
        return notification;
    }
}

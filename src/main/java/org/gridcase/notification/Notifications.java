package org.gridcase.notification;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
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
    private final Properties templates = new Properties();

    Notifications(StoredNotificationRepository messages, NotificationRouting routing, Deliveries deliveries) {
        this.messages = messages;
        this.routing = routing;
        this.deliveries = deliveries;
        try (Reader reader = new InputStreamReader(
                new ClassPathResource("notification-templates.properties").getInputStream(), StandardCharsets.UTF_8)) {
            templates.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("notification-templates.properties is missing", e);
        }
        for (NotificationTemplate template : NotificationTemplate.values()) {
            if (!templates.containsKey(template.name())) {
                throw new IllegalStateException("No text for notification template " + template);
            }
        }
    }

    @Transactional
    public Notification send(Recipient recipient, String caseNumber, NotificationTemplate template,
            Map<String, ?> parameters) {
        String text = templates.getProperty(template.name());
        for (Map.Entry<String, ?> parameter : parameters.entrySet()) {
            text = text.replace("{" + parameter.getKey() + "}", String.valueOf(parameter.getValue()));
        }
        Notification notification = new Notification(recipient, caseNumber, template, text);
        StoredNotification stored = messages.save(new StoredNotification(notification, Deliveries.now()));
        List<Route> routes = routing.routes(notification);
        deliveries.plan(stored, routes);
        log.info("Notification {} for case {} to {}: {} route(s)", template, caseNumber, recipient, routes.size());
        return notification;
    }
}

package org.gridcase.notification;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/** Renders a template and sends it through the channel. */
@Service
public class Notifications {

    private final NotificationChannel channel;
    private final Properties templates = new Properties();

    Notifications(NotificationChannel channel) {
        this.channel = channel;
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

    public Notification send(Recipient recipient, String caseNumber, NotificationTemplate template,
            Map<String, ?> parameters) {
        String text = templates.getProperty(template.name());
        for (Map.Entry<String, ?> parameter : parameters.entrySet()) {
            text = text.replace("{" + parameter.getKey() + "}", String.valueOf(parameter.getValue()));
        }
        Notification notification = new Notification(recipient, caseNumber, template, text);
        channel.send(notification);
        return notification;
    }
}

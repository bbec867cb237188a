package org.gridcase.notification;

import java.util.Map;

import org.springframework.stereotype.Service;

/** Renders a template and sends it through the channel. */
@Service
public class Notifications {

    private final NotificationChannel channel;
    private final NotificationTexts texts;

    Notifications(NotificationChannel channel, NotificationTexts texts) {
        this.channel = channel;
        this.texts = texts;
    }

    public Notification send(Recipient recipient, String caseNumber, NotificationTemplate template,
            Map<String, ?> parameters) {
        return send(recipient, caseNumber, template, parameters, false);
    }

    /** {@code urgent}: an emergency or a red card, which goes out at once, quiet hours or not. */
    public Notification send(Recipient recipient, String caseNumber, NotificationTemplate template,
            Map<String, ?> parameters, boolean urgent) {
        Notification notification = new Notification(recipient, caseNumber, template,
                texts.render(template, parameters), urgent);
        channel.send(notification);
        return notification;
    }
}

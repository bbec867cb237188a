package org.gridcase.notification;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores every message and logs it: the channel a district runs on until an SMS gateway is connected, and the
 * record of what was said to whom. Times come from the engine's clock, so that they line up with the case's
 * history (and with tests that move that clock). Runs in the caller's transaction: a message is stored only if
 * the step that sent it commits.
 */
@Component
class StoredNotificationChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(StoredNotificationChannel.class);

    private final StoredNotificationRepository messages;

    StoredNotificationChannel(StoredNotificationRepository messages) {
        this.messages = messages;
    }

    @Override
    public void send(Notification notification) {
        messages.save(new StoredNotification(notification, ClockUtil.getCurrentTime().toInstant()));
        log.info("Notification {} for case {} to {}", notification.template(), notification.caseNumber(),
                notification.recipient());
    }
}

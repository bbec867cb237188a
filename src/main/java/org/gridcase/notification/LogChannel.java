package org.gridcase.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes the message to the log: the channel a district runs on before any provider is connected. */
@Component
class LogChannel implements DeliveryChannel {

    static final String ID = "log";

    private static final Logger log = LoggerFactory.getLogger(LogChannel.class);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void deliver(Delivery delivery) {
        log.info("Notification {} for case {} to {}", delivery.template(), delivery.caseNumber(), delivery.address());
    }
}

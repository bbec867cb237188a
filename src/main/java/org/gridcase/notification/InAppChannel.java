package org.gridcase.notification;

import org.springframework.stereotype.Component;

/** The stored message is the recipient's in-app inbox (the workbench's bell): delivering it only marks it SENT. */
@Component
class InAppChannel implements DeliveryChannel {

    static final String ID = "inapp";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean sendsOutOfGridcase() {
        return false;
    }

    @Override
    public void deliver(Delivery delivery) {
        // nothing leaves gridcase: the inbox reads notification_message
    }
}

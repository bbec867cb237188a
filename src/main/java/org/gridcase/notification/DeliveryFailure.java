package org.gridcase.notification;

/** A provider did not take a message. The message is kept as the delivery's last error: plain words, no secrets. */
class DeliveryFailure extends RuntimeException {

    DeliveryFailure(String message) {
        super(message);
    }
}

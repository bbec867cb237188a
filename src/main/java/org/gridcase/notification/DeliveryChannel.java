package org.gridcase.notification;

/**
 * The port through which a message leaves gridcase on one channel (sms, wecom, email, ...). An adapter is a bean
 * only when its {@code gridcase.notification.<channel>.enabled} is true; {@code log} and {@code inapp} always are.
 * It throws {@link DeliveryFailure} (or any runtime exception) when the provider did not take the message: the
 * delivery is tried again later. Adapters run inside the sending job's transaction and must not take longer than a
 * few seconds (HTTP timeouts), well below the job's lock time.
 */
interface DeliveryChannel {

    String id();

    void deliver(Delivery delivery);

    /**
     * False for a channel whose delivery is only a row of gridcase's own (the bell): it is delivered in the
     * transaction that stores the message, without a job of its own, when it is due at once.
     */
    default boolean sendsOutOfGridcase() {
        return true;
    }
}

package org.gridcase.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The outbox: a stored message's deliveries, one per route, planned in the caller's transaction, and each try to
 * send one, run by its job ({@link DeliveryJobs}). Times come from the engine's clock, so that tests can move it.
 */
@Service
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final NotificationDeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final StoredNotificationRepository messages;
    private final Map<String, DeliveryChannel> channels;
    private final RetryPolicy retry;
    private final DeliveryJobs jobs;
    private final DeliveryMetrics metrics;

    Deliveries(NotificationDeliveryRepository deliveries, DeliveryAttemptRepository attempts,
            StoredNotificationRepository messages, List<DeliveryChannel> channels, RetryPolicy retry,
            DeliveryJobs jobs, DeliveryMetrics metrics) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.messages = messages;
        this.channels = channels.stream().collect(Collectors.toMap(DeliveryChannel::id, Function.identity()));
        this.retry = retry;
        this.jobs = jobs;
        this.metrics = metrics;
    }

    /**
     * One delivery per route, in the transaction that stored the message. A due delivery on a channel that sends
     * nothing out of gridcase (the bell: the stored message is the inbox) is made there and then, as its job would
     * make it a moment later; every other delivery gets its sending job.
     */
    void plan(StoredNotification message, List<Route> routes) {
        Instant now = now();
        for (Route route : routes) {
            DeliveryChannel channel = channels.get(route.channel());
            if (channel == null) {
                // the table names a channel this district has not configured (the default profile: bell and log)
                continue;
            }
            NotificationDelivery delivery = deliveries.save(new NotificationDelivery(message.id(), route, now));
            if (!channel.sendsOutOfGridcase() && !delivery.nextAttemptAt().isAfter(now)) {
                tryOnce(delivery, message, now, next -> jobs.schedule(delivery.id(), next));
            } else {
                jobs.schedule(delivery.id(), delivery.nextAttemptAt());
            }
        }
    }

    /**
     * One try, in the sending job's transaction. The row is locked first and only a PENDING delivery is sent, so a
     * job that runs again (its node died after sending, before committing) finds SENT and stops; the provider's
     * idempotency key covers the one window left, a crash between the provider's answer and this commit. A failed
     * try is recorded and a new job scheduled after the back-off, instead of an exception (and an incident).
     */
    void attempt(long id, CommandContext context) {
        NotificationDelivery delivery = deliveries.lockById(id).orElse(null);
        if (delivery == null || delivery.status() != NotificationDelivery.Status.PENDING) {
            log.info("Delivery {} is {}: not sent again", id, delivery == null ? "gone" : delivery.status());
            return;
        }
        StoredNotification message = messages.findById(delivery.messageId()).orElseThrow();
        tryOnce(delivery, message, now(), next -> DeliveryJobs.schedule(context, id, next));
    }

    /** Sends once; a failed try is recorded and, while tries are left, {@code retryAt} the back-off's time. */
    private void tryOnce(NotificationDelivery delivery, StoredNotification message, Instant now,
            Consumer<Instant> retryAt) {
        String error = send(delivery, message);
        if (error == null) {
            delivery.sent(now);
            metrics.sent(delivery);
            log.info("Delivery {} ({} of {} for case {}) sent", delivery.id(), delivery.channel(), message.template(),
                    message.caseNumber());
        } else {
            Instant next = retry.next(delivery.channel(), delivery.attempts() + 1, now);
            delivery.failed(error, next);
            metrics.failedAttempt(delivery, next == null);
            if (next != null) {
                retryAt.accept(next);
            }
            log.warn("Delivery {} ({}) try {} failed: {}; {}", delivery.id(), delivery.channel(), delivery.attempts(),
                    error, next == null ? "no more tries" : "next try at " + next);
        }
        attempts.save(new DeliveryAttempt(delivery, now, error));
    }

    /** An administrator's resend of a FAILED delivery: PENDING again, with a job due now. */
    void resend(NotificationDelivery delivery) {
        delivery.resend(now());
        jobs.schedule(delivery.id(), delivery.nextAttemptAt());
    }

    private String send(NotificationDelivery delivery, StoredNotification message) {
        DeliveryChannel channel = channels.get(delivery.channel());
        if (channel == null) {
            return "渠道 " + delivery.channel() + " 未启用";
        }
        try {
            channel.deliver(new Delivery(delivery.id(), delivery.channel(), delivery.address(),
                    delivery.idempotencyKey(), delivery.attempts() + 1, message.recipient(), message.caseNumber(),
                    message.template(), message.text()));
            return null;
        } catch (DeliveryFailure e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            // an adapter's bug or a library's exception: its message may name classes or hosts, not secrets
            log.warn("Delivery {} on {} failed unexpectedly", delivery.id(), delivery.channel(), e);
            return "发送出错：" + (e.getMessage() == null ? "未知错误" : e.getMessage());
        }
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}

package org.gridcase.notification;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Per channel, for operators (/actuator/prometheus): deliveries sent and finally failed, tries that failed, the
 * delay from a message's earliest time to its delivery, and the deliveries pending now (read from the database, so
 * every node of a cluster reports the same number). Counted once the sending job commits.
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry, List<DeliveryChannel> channels,
            NotificationDeliveryRepository deliveries) {
        this.registry = registry;
        for (DeliveryChannel channel : channels) {
            Gauge.builder("gridcase.notification.pending", deliveries,
                    d -> d.countByChannelAndStatus(channel.id(), NotificationDelivery.Status.PENDING))
                    .description("Deliveries waiting to be sent or tried again").tag("channel", channel.id())
                    .register(registry);
        }
    }

    void sent(NotificationDelivery delivery) {
        Duration delay = Duration.between(delivery.notBefore(), delivery.sentAt());
        afterCommit(() -> {
            counter("gridcase.notification.sent", delivery.channel(), "Deliveries sent").increment();
            Timer.builder("gridcase.notification.delay").description("From a message's earliest time to its delivery")
                    .tag("channel", delivery.channel()).register(registry).record(delay.isNegative() ? Duration.ZERO : delay);
        });
    }

    void failedAttempt(NotificationDelivery delivery, boolean last) {
        afterCommit(() -> {
            counter("gridcase.notification.attempts.failed", delivery.channel(), "Tries the provider did not take")
                    .increment();
            if (last) {
                counter("gridcase.notification.failed", delivery.channel(), "Deliveries failed after the last try")
                        .increment();
            }
        });
    }

    private Counter counter(String name, String channel, String description) {
        return Counter.builder(name).description(description).tag("channel", channel).register(registry);
    }

    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}

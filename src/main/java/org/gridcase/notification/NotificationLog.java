package org.gridcase.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What was said about a case, oldest first, and how each message left gridcase. */
@Service
@Transactional(readOnly = true)
public class NotificationLog {

    private final StoredNotificationRepository messages;
    private final NotificationDeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;

    NotificationLog(StoredNotificationRepository messages, NotificationDeliveryRepository deliveries,
            DeliveryAttemptRepository attempts) {
        this.messages = messages;
        this.deliveries = deliveries;
        this.attempts = attempts;
    }

    public List<NotificationView> about(String caseNumber) {
        return messages.findByCaseNumberOrderByIdAsc(caseNumber).stream().map(StoredNotification::view).toList();
    }

    /** Every try to deliver the case's messages, and the deliveries still waiting for their first, in time order. */
    public List<DeliveryView> deliveriesAbout(String caseNumber) {
        Map<Long, StoredNotification> sent = messages.findByCaseNumberOrderByIdAsc(caseNumber).stream()
                .collect(Collectors.toMap(StoredNotification::id, m -> m));
        if (sent.isEmpty()) {
            return List.of();
        }
        Map<Long, NotificationDelivery> routes = deliveries.findByMessageIdInOrderByIdAsc(sent.keySet()).stream()
                .collect(Collectors.toMap(NotificationDelivery::id, d -> d));
        List<DeliveryView> views = new ArrayList<>();
        for (DeliveryAttempt attempt : attempts.findByDeliveryIdInOrderByIdAsc(routes.keySet())) {
            NotificationDelivery d = routes.get(attempt.deliveryId());
            views.add(view(d, sent.get(d.messageId()), attempt.attemptedAt(), attempt.attempt(),
                    attempt.succeeded() ? "已送达" : "失败", attempt.error()));
        }
        routes.values().stream().filter(d -> d.status() == NotificationDelivery.Status.PENDING && d.attempts() == 0)
                .forEach(d -> views.add(view(d, sent.get(d.messageId()), d.nextAttemptAt(), 0, "待发送", null)));
        views.sort(Comparator.comparing(DeliveryView::at));
        return views;
    }

    private static DeliveryView view(NotificationDelivery d, StoredNotification m, java.time.Instant at, int attempt,
            String outcome, String error) {
        return new DeliveryView(at, m.template(), d.channel(), ChannelLabels.of(d.channel()),
                Addresses.shown(d.channel(), d.address()), attempt, outcome, error);
    }
}

package org.gridcase.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.gridcase.system.ConflictException;
import org.gridcase.system.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** For administrators: how each channel is doing, the deliveries that failed, and resending one. */
@Service
@Transactional(readOnly = true)
public class DeliveryAdministration {

    /** The median delay is taken over the deliveries sent in this window. */
    static final Duration DELAY_WINDOW = Duration.ofDays(7);

    public record ChannelStatus(String channel, String label, boolean enabled, long sent, long failed, long pending,
            Double medianDelaySeconds) {
    }

    public record DeliveryRow(long id, String caseNumber, String template, String templateLabel, String channel,
            String channelLabel,
            String address, String status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt,
            Instant sentAt) {
    }

    private final NotificationDeliveryRepository deliveries;
    private final StoredNotificationRepository messages;
    private final Deliveries outbox;
    private final Set<String> enabled;

    DeliveryAdministration(NotificationDeliveryRepository deliveries, StoredNotificationRepository messages,
            Deliveries outbox, List<DeliveryChannel> channels) {
        this.deliveries = deliveries;
        this.messages = messages;
        this.outbox = outbox;
        this.enabled = channels.stream().map(DeliveryChannel::id).collect(Collectors.toSet());
    }

    public List<ChannelStatus> channels() {
        Map<String, Map<NotificationDelivery.Status, Long>> counts = new HashMap<>();
        deliveries.countsByChannelAndStatus().forEach(row -> counts
                .computeIfAbsent((String) row[0], k -> new EnumMap<>(NotificationDelivery.Status.class))
                .put((NotificationDelivery.Status) row[1], ((Number) row[2]).longValue()));
        Map<String, List<Long>> delays = new HashMap<>();
        deliveries.sentSince(Deliveries.now().minus(DELAY_WINDOW)).forEach(d -> delays
                .computeIfAbsent(d.channel(), k -> new ArrayList<>())
                .add(Math.max(0, Duration.between(d.notBefore(), d.sentAt()).toSeconds())));
        Set<String> channels = new TreeSet<>(Comparator.comparingInt((String c) -> ORDER.contains(c)
                ? ORDER.indexOf(c) : ORDER.size()).thenComparing(Comparator.naturalOrder()));
        channels.addAll(enabled);
        channels.addAll(counts.keySet());
        return channels.stream().map(channel -> {
            Map<NotificationDelivery.Status, Long> c = counts.getOrDefault(channel, Map.of());
            return new ChannelStatus(channel, ChannelLabels.of(channel), enabled.contains(channel),
                    c.getOrDefault(NotificationDelivery.Status.SENT, 0L),
                    c.getOrDefault(NotificationDelivery.Status.FAILED, 0L),
                    c.getOrDefault(NotificationDelivery.Status.PENDING, 0L), median(delays.get(channel)));
        }).toList();
    }

    private static final List<String> ORDER = List.of("sms", "sms-http", "wecom", "dingtalk", "email",
            "webhook", "inapp", "log");

    /** The latest deliveries (of one status, or all), newest first. */
    public List<DeliveryRow> deliveries(String status, int limit) {
        PageRequest page = PageRequest.of(0, limit);
        List<NotificationDelivery> found = status == null ? deliveries.findAllByOrderByIdDesc(page)
                : deliveries.findByStatusOrderByIdDesc(NotificationDelivery.Status.valueOf(status), page);
        Map<Long, StoredNotification> byId = messages.findAllById(found.stream().map(NotificationDelivery::messageId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(StoredNotification::id, m -> m));
        return found.stream().map(d -> {
            StoredNotification m = byId.get(d.messageId());
            return new DeliveryRow(d.id(), m.caseNumber(), m.template(), NotificationTemplate.labelOf(m.template()),
                    d.channel(), ChannelLabels.of(d.channel()),
                    Addresses.shown(d.channel(), d.address()), d.status().name(), d.attempts(), d.lastError(),
                    d.createdAt(), d.nextAttemptAt(), d.sentAt());
        }).toList();
    }

    /** A FAILED delivery back to PENDING with a job due now; 409 for any other, 404 for none. */
    @Transactional
    public void resend(long id) {
        NotificationDelivery delivery = deliveries.lockById(id)
                .orElseThrow(() -> new NotFoundException("投递 " + id + " 不存在"));
        if (delivery.status() != NotificationDelivery.Status.FAILED) {
            throw new ConflictException("投递 " + id + " 的状态是" + (delivery.status() == NotificationDelivery.Status.SENT
                    ? "已送达" : "待发送") + "，只有发送失败的才能重发");
        }
        outbox.resend(delivery);
    }

    private static Double median(List<Long> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}

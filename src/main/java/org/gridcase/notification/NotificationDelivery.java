package org.gridcase.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One route of one stored message: whether it has left gridcase on its channel yet. */
@Entity
@Table(name = "notification_delivery")
class NotificationDelivery {

    enum Status { PENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long messageId;
    private String channel;
    private String address;
    private String idempotencyKey;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private Instant createdAt;
    private Instant notBefore;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant sentAt;

    protected NotificationDelivery() {
    }

    NotificationDelivery(long messageId, Route route, Instant now) {
        this.messageId = messageId;
        this.channel = route.channel();
        this.address = route.address();
        this.idempotencyKey = UUID.randomUUID().toString();
        this.status = Status.PENDING;
        this.createdAt = now;
        this.notBefore = route.notBefore() == null || route.notBefore().isBefore(now) ? now : route.notBefore();
        this.nextAttemptAt = notBefore;
    }

    /** Counts a try that reached its recipient. */
    void sent(Instant now) {
        attempts++;
        status = Status.SENT;
        sentAt = now;
        nextAttemptAt = null;
        lastError = null;
    }

    /** Counts a try that did not; the next one at {@code next}, or none (FAILED) when null. */
    void failed(String error, Instant next) {
        attempts++;
        lastError = Deliveries.clip(error);
        nextAttemptAt = next;
        status = next == null ? Status.FAILED : Status.PENDING;
    }

    /** An administrator's resend: a fresh round of tries. */
    void resend(Instant now) {
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    Long id() { return id; }
    Long messageId() { return messageId; }
    String channel() { return channel; }
    String address() { return address; }
    String idempotencyKey() { return idempotencyKey; }
    Status status() { return status; }
    int attempts() { return attempts; }
    Instant createdAt() { return createdAt; }
    Instant notBefore() { return notBefore; }
    Instant nextAttemptAt() { return nextAttemptAt; }
    String lastError() { return lastError; }
    Instant sentAt() { return sentAt; }
}

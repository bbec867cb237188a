package org.gridcase.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One try of a delivery, as the case's timeline shows it. */
@Entity
@Table(name = "notification_delivery_attempt")
class DeliveryAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long deliveryId;
    private int attempt;
    private Instant attemptedAt;
    private boolean succeeded;
    private String error;

    protected DeliveryAttempt() {
    }

    DeliveryAttempt(NotificationDelivery delivery, Instant at, String error) {
        this.deliveryId = delivery.id();
        this.attempt = delivery.attempts();
        this.attemptedAt = at;
        this.succeeded = error == null;
        this.error = Deliveries.clip(error);
    }

    Long deliveryId() { return deliveryId; }
    int attempt() { return attempt; }
    Instant attemptedAt() { return attemptedAt; }
    boolean succeeded() { return succeeded; }
    String error() { return error; }
}

package org.gridcase.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "notification_message")
class StoredNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;
    private String caseNumber;
    private String template;
    private String text;
    private Instant sentAt;

    protected StoredNotification() {
    }

    StoredNotification(Notification notification, Instant sentAt) {
        this.recipient = notification.recipient().toString();
        this.caseNumber = notification.caseNumber();
        this.template = notification.template().name();
        this.text = notification.text();
        this.sentAt = sentAt;
    }

    Long id() { return id; }
    String recipient() { return recipient; }
    String caseNumber() { return caseNumber; }
    String template() { return template; }
    String text() { return text; }
    Instant sentAt() { return sentAt; }

    NotificationView view() {
        return new NotificationView(recipient, caseNumber, template, text, sentAt);
    }
}

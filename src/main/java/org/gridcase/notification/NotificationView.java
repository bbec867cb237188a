package org.gridcase.notification;

import java.time.Instant;

/** A sent message as the API shows it. */
public record NotificationView(String recipient, String caseNumber, String template, String text, Instant sentAt) {
}

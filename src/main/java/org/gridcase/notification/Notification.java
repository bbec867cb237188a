package org.gridcase.notification;

/** A rendered message: who it is for, which case it is about, which template made it, and its text. */
public record Notification(Recipient recipient, String caseNumber, NotificationTemplate template, String text) {
}

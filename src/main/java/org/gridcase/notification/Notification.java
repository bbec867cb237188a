package org.gridcase.notification;

/**
 * A rendered message: who it is for, which case it is about, which template made it, and its text. An urgent
 * message (an emergency case, a red card) never waits for the residents' quiet hours.
 */
public record Notification(Recipient recipient, String caseNumber, NotificationTemplate template, String text,
        boolean urgent) {
}

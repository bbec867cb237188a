package org.gridcase.notification;

import java.util.List;

/** One page of the caller's messages, unread first, newest first within each; {@code unread} counts them all. */
public record InboxPage(List<InboxMessage> messages, int page, int size, long total, long unread) {
}

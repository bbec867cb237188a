package org.gridcase.notification;

import java.time.Instant;

/** One way a stored message leaves gridcase: a channel id, the address on that channel, and when to send at the earliest. */
public record Route(String channel, String address, Instant notBefore) {
}

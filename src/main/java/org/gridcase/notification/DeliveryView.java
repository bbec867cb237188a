package org.gridcase.notification;

import java.time.Instant;

/**
 * One try to deliver a case's message, or a delivery still waiting for its first ({@code attempt} 0, {@code at} its
 * due time): channel, address (phones masked, robots by host), result in Chinese ({@code outcome}: 已送达, 失败 or
 * 待发送) and the provider's words when it failed.
 */
public record DeliveryView(Instant at, String template, String channel, String channelLabel, String address,
        int attempt, String outcome, String error) {
}

package org.gridcase.notification;

/**
 * What a channel adapter gets: where to send (address on its channel), the key the provider may use to drop a
 * repeated request, and the stored message (recipient as stored, case, template name, rendered Chinese text).
 */
record Delivery(long id, String channel, String address, String idempotencyKey, int attempt, String recipient,
        String caseNumber, String template, String text) {
}

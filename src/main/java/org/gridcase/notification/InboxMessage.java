package org.gridcase.notification;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A message in the bell's list: to the caller or one of their groups, read or not. */
@Schema(description = "站内消息 · An in-app message")
public record InboxMessage(
        long id,
        @Schema(description = "收件人：本人或所在群组 · user:<id> or group:<id>") String recipient,
        @Schema(description = "收件人名称 · the recipient's name") String recipientName,
        String caseNumber,
        String template,
        String text,
        Instant sentAt,
        @Schema(description = "本人读过的时间，未读为空 · when the caller read it; null: unread") Instant readAt) {
}

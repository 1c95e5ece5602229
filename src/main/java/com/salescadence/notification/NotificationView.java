package com.salescadence.notification;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A notification as the REST API shows it. */
@Schema(name = "Notification", description = "A message of the outbox and how its delivery by mail went")
public record NotificationView(
        long id,
        NotificationKind kind,
        String subject,
        String body,
        @Schema(description = "PENDING (waiting for a mail attempt), SENDING, SENT or FAILED (given up)") OutboxStatus status,
        @Schema(description = "failed mail attempts so far") int attempts,
        @Schema(description = "why the last mail attempt failed, if it did") String lastError,
        Instant createdAt,
        @Schema(description = "when the mail server accepted it; null until then") Instant sentAt,
        String recipientId) {

    static NotificationView of(OutboxMessage m) {
        String body = m.kind() == NotificationKind.PASSWORD_LINK
                ? "(A one-time link to set a password: only in the mail. / 设置密码的一次性链接：仅在邮件中。)" : m.body();
        return new NotificationView(m.id(), m.kind(), m.subject(), body, m.status(), m.attempts(), m.lastError(),
                m.createdAt(), m.sentAt(), m.recipientId());
    }
}

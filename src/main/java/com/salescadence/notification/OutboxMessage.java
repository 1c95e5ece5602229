package com.salescadence.notification;

import java.time.Instant;

/**
 * One row of {@code outbox_message}: one delivery on one channel. Timestamps are instants; the columns hold them in
 * the JVM's time zone.
 *
 * @param channel    MAIL, or the chat robot it goes to
 * @param chatTeam   for a chat row, the team whose robot it goes to; null for mail
 * @param attachment a mail's attachment (the invite of a meeting), or null
 */
public record OutboxMessage(
        long id,
        String recipientId,
        String recipientEmail,
        NotificationKind kind,
        String subject,
        String body,
        OutboxStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt,
        Channel channel,
        String chatTeam,
        Attachment attachment) {

    /** A mail without attachment. */
    public OutboxMessage(long id, String recipientId, String recipientEmail, NotificationKind kind, String subject, String body,
            OutboxStatus status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
        this(id, recipientId, recipientEmail, kind, subject, body, status, attempts, lastError, createdAt, nextAttemptAt, sentAt,
                Channel.MAIL, null, null);
    }
}

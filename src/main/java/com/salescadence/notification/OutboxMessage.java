package com.salescadence.notification;

import java.time.Instant;

/** One row of {@code outbox_message}. Timestamps are instants; the columns hold them in the JVM's time zone. */
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
        Instant sentAt) {
}

package com.salescadence.notification;

/**
 * One mail of {@link NotificationService#mailAll}: to whom, its subject and text, and its attachment (null for none).
 * Mails of one call that carry an equal attachment share one stored copy of it.
 */
public record OutgoingMail(String recipientId, String subject, String body, Attachment attachment) {
}

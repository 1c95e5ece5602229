package com.salescadence.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of mail delivery. Mail goes out only when {@code spring.mail.host} is set (Spring Boot then
 * provides the {@code JavaMailSender}); without it messages stay PENDING in the outbox and are visible
 * through {@code /api/notifications}.
 *
 * @param from             sender address of every mail
 * @param deliveryInterval pause between two runs of the delivery job (read by its {@code @Scheduled})
 * @param batchSize        most messages one run takes
 * @param maxAttempts      failed attempts after which a message is FAILED for good
 * @param staleAfter       a message SENDING for longer than this is taken to be from a node that died,
 *                         and is sent again
 */
@ConfigurationProperties("cadence.notification")
public record NotificationProperties(
        @DefaultValue("cadence@localhost") String from,
        @DefaultValue("PT30S") Duration deliveryInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("PT10M") Duration staleAfter) {

    public NotificationProperties {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("cadence.notification.from must not be empty");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("cadence.notification.batch-size must be at least 1, got " + batchSize);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("cadence.notification.max-attempts must be at least 1, got " + maxAttempts);
        }
        if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("cadence.notification.stale-after must be positive, got " + staleAfter);
        }
    }

    /** The defaults, as documented above. */
    public static NotificationProperties defaults() {
        return new NotificationProperties("cadence@localhost", Duration.ofSeconds(30), 50, 10, Duration.ofMinutes(10));
    }
}

package com.salescadence.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the notification outbox ({@code /actuator/health/outbox}): how many mails wait (PENDING, SENDING),
 * how many were given up (FAILED), and since when the oldest waits. DOWN when more than
 * {@code cadence.notification.backlog-alarm} (default 1000) mails wait: the mail server has been
 * unreachable for long, or delivery is off while mail is expected. A mail outage shorter than that
 * keeps the node UP: submissions go on and the mails are sent when the server is back.
 */
@Component("outboxHealthIndicator")
public class OutboxHealthIndicator implements HealthIndicator {

    private final OutboxRepository outbox;
    private final OutboxDeliveryJob delivery;
    private final long backlogAlarm;
    private final Clock clock;

    OutboxHealthIndicator(OutboxRepository outbox, OutboxDeliveryJob delivery,
            @Value("${cadence.notification.backlog-alarm:1000}") long backlogAlarm,
            org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.backlogAlarm = backlogAlarm;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Health health() {
        Map<OutboxStatus, Long> counts = outbox.countByStatus();
        long pending = counts.getOrDefault(OutboxStatus.PENDING, 0L);
        long sending = counts.getOrDefault(OutboxStatus.SENDING, 0L);
        long failed = counts.getOrDefault(OutboxStatus.FAILED, 0L);
        long backlog = pending + sending;
        Health.Builder health = backlog > backlogAlarm ? Health.down() : Health.up();
        health.withDetail("delivery", delivery.isEnabled() ? "on" : "off (spring.mail.host not set)")
                .withDetail("pending", pending)
                .withDetail("sending", sending)
                .withDetail("failed", failed)
                .withDetail("backlogAlarm", backlogAlarm);
        outbox.oldestWaiting().ifPresent(oldest -> health.withDetail("oldestWaitingSince", oldest.toString())
                .withDetail("oldestWaitingMinutes", Duration.between(oldest, Instant.now(clock)).toMinutes()));
        if (backlog > backlogAlarm) {
            health.withDetail("reason", backlog + " mails wait, more than " + backlogAlarm);
        }
        return health.build();
    }
}

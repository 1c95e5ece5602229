package com.salescadence.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: mails, and posts to the teams' chat robots ({@link ChannelSender}). Every
 * {@code cadence.notification.delivery-interval} it takes up to
 * {@code batch-size} due messages and, one by one, claims, sends and records each in short transactions of
 * its own (this class has none: the mail server is never called inside a database transaction). A failed
 * attempt is retried with the back-off of {@link RetryPolicy}; after {@code max-attempts} the message is
 * FAILED. Safe with several nodes: a message is sent by the node whose claim won (at least once: a node that
 * dies between sending and recording leaves a claim that goes stale and is sent again).
 *
 * <p>Without {@code spring.mail.host} there is no {@link JavaMailSender}: mails stay PENDING, visible in the
 * product (chat posts still go out).
 */
@Component
public class OutboxDeliveryJob {

    /** The outbox row a mail (or a chat robot's HTTP request) delivers: a receiver can tell a repeat. */
    public static final String OUTBOX_ID_HEADER = "X-Cadence-Outbox-Id";

    private static final Logger log = LoggerFactory.getLogger(OutboxDeliveryJob.class);

    private final OutboxRepository outbox;
    private final JavaMailSender sender;
    private final ChatChannels robots;
    private final Map<Channel, ChannelSender> chatSenders = new EnumMap<>(Channel.class);
    private final NotificationProperties properties;
    private final RetryPolicy retry;
    private final Clock clock;

    @Autowired
    OutboxDeliveryJob(OutboxRepository outbox, ObjectProvider<JavaMailSender> sender, ChatChannels robots,
            List<ChannelSender> chatSenders, NotificationProperties properties, ObjectProvider<Clock> clock) {
        this(outbox, sender.getIfAvailable(), robots, chatSenders, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Mail only. @param sender null when mail is not configured */
    OutboxDeliveryJob(OutboxRepository outbox, JavaMailSender sender, NotificationProperties properties, Clock clock) {
        this(outbox, sender, null, List.of(), properties, clock);
    }

    /**
     * @param sender      null when mail is not configured
     * @param robots      where a chat row's robot is read from when it is delivered (null with no chat senders)
     * @param chatSenders one per chat channel this node delivers
     */
    OutboxDeliveryJob(OutboxRepository outbox, JavaMailSender sender, ChatChannels robots, List<ChannelSender> chatSenders,
            NotificationProperties properties, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.robots = robots;
        chatSenders.forEach(s -> this.chatSenders.put(s.channel(), s));
        this.properties = properties;
        this.retry = new RetryPolicy(properties.maxAttempts());
        this.clock = clock;
        if (sender == null) {
            log.info("Mail delivery is off (spring.mail.host is not set): notifications stay PENDING in table "
                    + "outbox_message and are shown by GET /api/notifications (and /api/notifications/all for admin "
                    + "and finance). Set spring.mail.host to mail them.");
        } else {
            log.info("Mail delivery is on: outbox messages are mailed from {} every {}, {} at a time, at most {} attempts",
                    properties.from(), properties.deliveryInterval(), properties.batchSize(), properties.maxAttempts());
        }
    }

    /** Whether there is a mail server to deliver to. */
    public boolean isEnabled() {
        return sender != null;
    }

    /** The channels this node delivers: mail when a mail server is set, and every chat robot it has a sender for. */
    Set<Channel> channels() {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (sender != null) {
            channels.add(Channel.MAIL);
        }
        channels.addAll(chatSenders.keySet());
        return channels;
    }

    @Scheduled(fixedDelayString = "${cadence.notification.delivery-interval:PT30S}",
            initialDelayString = "${cadence.notification.initial-delay:PT15S}")
    void deliverOnSchedule() {
        if (channels().isEmpty()) {
            return;
        }
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Outbox delivery stopped early, the next run carries on: {}", e.toString());
        }
    }

    /**
     * Sends one batch of due messages now (mails, and posts to chat robots) and returns how many were accepted.
     * A channel this node cannot deliver (mail without a mail server) is left waiting.
     */
    public int deliverDue() {
        Set<Channel> channels = channels();
        if (channels.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<OutboxMessage> due = outbox.findDue(now, now.minus(properties.staleAfter()), properties.batchSize(), channels);
        int sent = 0;
        int failed = 0;
        String lastError = null;
        for (OutboxMessage message : due) {
            Instant claimedAt = clock.instant();
            if (!outbox.claim(message.id(), claimedAt, claimedAt.minus(properties.staleAfter()))) {
                continue; // another node took it
            }
            try {
                send(message);
            } catch (RuntimeException e) {
                lastError = describe(e);
                recordFailure(message, e, lastError);
                failed++;
                continue;
            }
            if (!outbox.markSent(message.id(), clock.instant())) {
                log.warn("Outbox message {} was sent, but its claim had been taken over: it may be sent twice", message.id());
            }
            sent++;
        }
        if (failed > 0) {
            log.warn("Outbox delivery: {} sent, {} failed (last error: {})", sent, failed, lastError);
        } else if (sent > 0) {
            log.debug("Outbox delivery: {} sent", sent);
        }
        return sent;
    }

    private void send(OutboxMessage message) {
        if (message.channel().isChat()) {
            ChatChannel robot = robots.find(message.chatTeam()).filter(r -> r.kind() == message.channel())
                    .orElseThrow(() -> new RobotGoneException(message));
            chatSenders.get(message.channel()).send(message, robot);
            return;
        }
        Attachment attachment = message.attachment();
        sender.send(mime -> {
            // multipart (text, then the attachment) only when there is one: a plain notification stays text/plain
            MimeMessageHelper mail = attachment == null ? new MimeMessageHelper(mime, false, "UTF-8")
                    : new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
            mail.setFrom(properties.from());
            mail.setTo(message.recipientEmail());
            mail.setSubject(message.subject());
            mail.setText(message.body(), false);
            if (attachment != null) {
                mail.addAttachment(attachment.name(), new jakarta.mail.util.ByteArrayDataSource(
                        attachment.content().getBytes(java.nio.charset.StandardCharsets.UTF_8), attachment.contentType()));
            }
            mail.setSentDate(Date.from(clock.instant()));
            mime.setHeader(OUTBOX_ID_HEADER, Long.toString(message.id()));
        });
    }

    /** A chat row whose team's robot was removed (or changed to another app) since it was written: it cannot be sent. */
    static final class RobotGoneException extends IllegalStateException {
        RobotGoneException(OutboxMessage message) {
            super("The " + message.channel() + " robot of team '" + message.chatTeam() + "' is no longer configured");
        }
    }

    private void recordFailure(OutboxMessage message, RuntimeException e, String error) {
        int attempts = message.attempts() + 1;
        Instant now = clock.instant();
        if (isPermanent(e) || retry.isExhausted(attempts)) {
            outbox.giveUp(message.id(), attempts, error, now);
            log.warn("Outbox message {} to {} FAILED after {} attempt(s): {}", message.id(), message.recipientId(),
                    attempts, error);
        } else {
            outbox.retryLater(message.id(), attempts, error, now.plus(retry.nextDelay(attempts)));
            log.debug("Outbox message {} attempt {} failed, retrying in {}: {}", message.id(), attempts,
                    retry.nextDelay(attempts), error);
        }
    }

    /** A message that cannot even be built (e.g. a malformed address) will not succeed on a later try. */
    private static boolean isPermanent(RuntimeException e) {
        return e instanceof MailParseException || e instanceof MailPreparationException || e instanceof RobotGoneException;
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        if (cause != e && (e.getMessage() == null || !e.getMessage().contains(String.valueOf(cause.getMessage())))) {
            text += " (cause: " + cause + ")";
        }
        return Texts.truncate(Texts.oneLine(text).replaceAll(" {2,}", " "), OutboxRepository.ERROR_MAX);
    }
}

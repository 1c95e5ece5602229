package com.salescadence.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;

/**
 * Tells people things. A notification is written to the outbox in the caller's transaction (it disappears
 * if the caller rolls back) and mailed later by {@link OutboxDeliveryJob}: nothing here talks to a mail
 * server, so an SMTP outage can neither slow down nor roll back the work that caused the message.
 */
@Service
@Transactional
public class NotificationService {

    /** Most messages one query returns. */
    public static final int MAX_LIMIT = 500;

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final OrganizationService organization;
    private final OutboxRepository outbox;
    private final ChatChannels chat;
    private final Clock clock;

    NotificationService(OrganizationService organization, OutboxRepository outbox, ChatChannels chat, ObjectProvider<Clock> clock) {
        this.organization = organization;
        this.outbox = outbox;
        this.chat = chat;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Writes a message to {@code recipientId} into the outbox, one row per channel the person chose
     * ({@link DeliveryPreference}): a mail to their address and/or a post to their team's chat robot
     * ({@link #chatRobotOf}). Who chose chat but whose team has no robot is mailed instead, so nothing is lost; a
     * password link never goes to a group chat. The subject is made one line and cut to 300 characters, the body
     * cut to 4000. A recipient who is unknown or no longer active is skipped with a warning (a notification never
     * fails the work that causes it); a mail to one without an email address is kept in the product only (status
     * FAILED, never mailed).
     */
    public void notify(String recipientId, NotificationKind kind, String subject, String body) {
        Optional<Person> recipient = organization.findPerson(recipientId);
        if (recipient.isEmpty()) {
            log.warn("Not notifying '{}' ({}: {}): no active person with this id", recipientId, kind, subject);
            return;
        }
        NotificationKind what = kind == null ? NotificationKind.GENERAL : kind;
        DeliveryPreference preference = what == NotificationKind.PASSWORD_LINK ? DeliveryPreference.MAIL : chat.preference(recipientId);
        Optional<ChatChannel> robot = preference.chat() ? chatRobotOf(recipientId) : Optional.empty();
        if (preference.mail() || robot.isEmpty()) {
            write(recipient.get(), what, subject, body, null);
        }
        robot.ifPresent(r -> outbox.insert(recipientId, "", what, Texts.oneLine(Objects.requireNonNullElse(subject, "")),
                Objects.requireNonNullElse(body, ""), OutboxStatus.PENDING, null, clock.instant(), r.kind(), r.teamId(), null));
    }

    /**
     * Writes a mail with an attachment (a meeting's invite) to {@code recipientId}, whatever channels they chose for
     * notifications: a calendar takes invites by mail only. Unknown or inactive recipients are skipped with a warning.
     */
    public void mail(String recipientId, NotificationKind kind, String subject, String body, Attachment attachment) {
        Optional<Person> recipient = organization.findPerson(recipientId);
        if (recipient.isEmpty()) {
            log.warn("Not mailing '{}' ({}: {}): no active person with this id", recipientId, kind, subject);
            return;
        }
        write(recipient.get(), kind == null ? NotificationKind.GENERAL : kind, subject, body, attachment);
    }

    /**
     * {@link #mail} for each of these mails, in their order, written together: the recipients read in one query, each
     * distinct attachment stored once and pointed at by the rows that carry it (a meeting's invite mails share one
     * calendar per language), the rows inserted in one batch. What each recipient is mailed is what {@link #mail}
     * writes; unknown or inactive recipients are skipped with a warning.
     */
    public void mailAll(NotificationKind kind, List<OutgoingMail> mails) {
        NotificationKind what = kind == null ? NotificationKind.GENERAL : kind;
        java.util.Map<String, Person> recipients = organization.findPeople(mails.stream().map(OutgoingMail::recipientId).toList());
        java.util.Map<Attachment, Long> stored = new java.util.HashMap<>();
        List<OutboxRepository.NewMail> rows = new java.util.ArrayList<>(mails.size());
        for (OutgoingMail mail : mails) {
            Person recipient = recipients.get(mail.recipientId());
            if (recipient == null) {
                log.warn("Not mailing '{}' ({}: {}): no active person with this id", mail.recipientId(), what, mail.subject());
                continue;
            }
            Long attachment = mail.attachment() == null ? null : stored.computeIfAbsent(mail.attachment(), outbox::insertSharedAttachment);
            String email = recipient.email();
            boolean mailable = email != null && !email.isBlank();
            rows.add(new OutboxRepository.NewMail(recipient.id(), mailable ? email.strip() : "", what,
                    Texts.oneLine(Objects.requireNonNullElse(mail.subject(), "")), Objects.requireNonNullElse(mail.body(), ""),
                    mailable ? OutboxStatus.PENDING : OutboxStatus.FAILED, mailable ? null : NO_EMAIL, attachment));
        }
        outbox.insertMails(rows, clock.instant());
    }

    private static final String NO_EMAIL = "No email address for this person; shown in the product only.";

    private void write(Person recipient, NotificationKind kind, String subject, String body, Attachment attachment) {
        String email = recipient.email();
        boolean mailable = email != null && !email.isBlank();
        outbox.insert(recipient.id(),
                mailable ? email.strip() : "",
                kind,
                Texts.oneLine(Objects.requireNonNullElse(subject, "")),
                Objects.requireNonNullElse(body, ""),
                mailable ? OutboxStatus.PENDING : OutboxStatus.FAILED,
                mailable ? null : NO_EMAIL,
                clock.instant(), Channel.MAIL, null, attachment);
    }

    /**
     * The chat robot that reaches a person: the one of the team they belong to (their manager's), else the nearest
     * team above that has one; the person at the top, who has no manager, is reached through their own team's.
     */
    public Optional<ChatChannel> chatRobotOf(String personId) {
        List<String> teams = new java.util.ArrayList<>(organization.managersAbove(personId));
        if (teams.isEmpty()) {
            teams.add(personId);
        }
        return chat.firstOf(teams);
    }

    /** {@link #notify} for each recipient once, in the given order; null ids are ignored. */
    public void notifyAll(Collection<String> recipientIds, NotificationKind kind, String subject, String body) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : recipientIds) {
            if (id != null) {
                distinct.add(id);
            }
        }
        distinct.forEach(id -> notify(id, kind, subject, body));
    }

    /** A person's messages, newest first; {@code limit} 1 to {@value #MAX_LIMIT}. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> forRecipient(String personId, int limit) {
        return outbox.forRecipient(personId, checked(limit));
    }

    /** Everyone's messages, newest first; {@code limit} 1 to {@value #MAX_LIMIT}. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> recent(int limit) {
        return outbox.recent(checked(limit));
    }

    @Transactional(readOnly = true)
    public Optional<OutboxMessage> find(long id) {
        return outbox.find(id);
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }
}

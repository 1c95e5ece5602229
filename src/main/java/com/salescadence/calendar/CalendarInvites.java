package com.salescadence.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.salescadence.common.TimeZoneSetting;
import com.salescadence.notification.Attachment;
import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;

import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

/**
 * Turns {@link MeetingScheduled} and {@link MeetingCancelled} into invites: a mail to the organizer and to each
 * attendee, in their language, with the meeting as an iCalendar attachment (METHOD:REQUEST or CANCEL, see
 * {@link IcsInvite}). The listeners run synchronously in the publisher's thread and transaction, so the invites are
 * in the outbox exactly when the meeting is, and are mailed by the outbox's delivery job (with its retries) later.
 */
@Component
public class CalendarInvites {

    static final String FILE_NAME = "invite.ics";

    private static final Logger log = LoggerFactory.getLogger(CalendarInvites.class);

    private final NotificationService notifications;
    private final OrganizationService organization;
    private final ZoneId zone;
    private final Clock clock;

    CalendarInvites(NotificationService notifications, OrganizationService organization,
            @Value("${" + TimeZoneSetting.PROPERTY + ":" + TimeZoneSetting.DEFAULT_ZONE + "}") String zone, ObjectProvider<Clock> clock) {
        this.notifications = notifications;
        this.organization = organization;
        this.zone = ZoneId.of(zone.trim());
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @EventListener
    public void scheduled(MeetingScheduled meeting) {
        send(ImmutableMethod.REQUEST, meeting.uid(), meeting.sequence(), meeting.organizerId(), meeting.attendeeIds(),
                meeting.start(), meeting.length(), meeting.titleZh(), meeting.titleEn(), meeting.agendaZh(), meeting.agendaEn(),
                meeting.link());
    }

    @EventListener
    public void cancelled(MeetingCancelled meeting) {
        send(ImmutableMethod.CANCEL, meeting.uid(), meeting.sequence(), meeting.organizerId(), meeting.attendeeIds(),
                meeting.start(), meeting.length(), meeting.titleZh(), meeting.titleEn(), null, null, null);
    }

    private void send(Method method, String uid, int sequence, String organizerId, List<String> attendeeIds, ZonedDateTime start,
            Duration length, String titleZh, String titleEn, String agendaZh, String agendaEn, String link) {
        Optional<Participant> organizer = participant(organizerId);
        if (organizer.isEmpty()) {
            log.warn("No invites for meeting {}: its organizer '{}' is no active person", uid, organizerId);
            return;
        }
        List<Participant> attendees = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(List.of(organizerId));
        for (String id : attendeeIds) {
            if (id != null && seen.add(id)) {
                participant(id).ifPresent(attendees::add);
            }
        }
        boolean cancel = method == ImmutableMethod.CANCEL;
        NotificationKind kind = cancel ? NotificationKind.MEETING_CANCELLED : NotificationKind.MEETING_INVITE;
        String contentType = "text/calendar; charset=UTF-8; method=" + method.getValue();
        List<Participant> everyone = new ArrayList<>();
        everyone.add(organizer.get());
        everyone.addAll(attendees);
        // every reader gets the same calendar but for SUMMARY and DESCRIPTION, which are in their language: built once
        // per language (ical4j's output with the VTIMEZONE and the folding are most of an invite's cost), stamped once
        Instant stamp = clock.instant();
        Map<String, String> built = new HashMap<>();
        for (Participant reader : everyone) {
            InviteTexts texts = new InviteTexts(organization.languageOf(reader.id()));
            String title = texts.title(titleZh, titleEn);
            String agenda = texts.pick(agendaZh, agendaEn);
            String description = texts.description(agenda, link);
            String ics = built.computeIfAbsent(title + '\u0000' + description, k -> IcsInvite.build(method, uid, sequence, start,
                    length, zone, stamp, organizer.get(), attendees, title, description, link));
            notifications.mail(reader.id(), kind, texts.subject(title, cancel, sequence > 0),
                    texts.body(title, texts.when(start, length, zone), organizer.get().name(), agenda, link, cancel),
                    new Attachment(FILE_NAME, contentType, ics));
        }
    }

    private Optional<Participant> participant(String personId) {
        return organization.findPerson(personId).map(p -> new Participant(p.id(), p.fullName(), email(p)));
    }

    private static String email(Person person) {
        return person.email() == null || person.email().isBlank() ? null : person.email().strip();
    }
}

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
import com.salescadence.notification.OutgoingMail;
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
        IcsInvite.prepare(this.zone); // ical4j and the zone loaded now, not by the first invite (Monday 09:00's first call)
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
        // everyone on the invite and their languages in one read each, not two reads per reader
        List<String> ids = new ArrayList<>();
        ids.add(organizerId);
        attendeeIds.stream().filter(java.util.Objects::nonNull).forEach(ids::add);
        Map<String, Person> people = organization.findPeople(ids);
        Person organizerPerson = organizerId == null ? null : people.get(organizerId);
        if (organizerPerson == null) {
            log.warn("No invites for meeting {}: its organizer '{}' is no active person", uid, organizerId);
            return;
        }
        Participant organizer = participant(organizerPerson);
        List<Participant> attendees = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(List.of(organizerId));
        for (String id : attendeeIds) {
            if (id != null && seen.add(id) && people.containsKey(id)) {
                attendees.add(participant(people.get(id)));
            }
        }
        Map<String, String> languages = organization.activeLanguagesOf(seen);
        boolean cancel = method == ImmutableMethod.CANCEL;
        NotificationKind kind = cancel ? NotificationKind.MEETING_CANCELLED : NotificationKind.MEETING_INVITE;
        String contentType = "text/calendar; charset=UTF-8; method=" + method.getValue();
        List<Participant> everyone = new ArrayList<>();
        everyone.add(organizer);
        everyone.addAll(attendees);
        // every reader gets the same calendar but for SUMMARY and DESCRIPTION, which are in their language: built once
        // per language (ical4j's output with the VTIMEZONE and the folding are most of an invite's cost), stamped once,
        // and stored once by the outbox for all the readers it goes to (an equal attachment is shared)
        Instant stamp = clock.instant();
        Map<String, Attachment> built = new HashMap<>();
        List<OutgoingMail> mails = new ArrayList<>(everyone.size());
        for (Participant reader : everyone) {
            InviteTexts texts = new InviteTexts(languages.getOrDefault(reader.id(), "zh"));
            String title = texts.title(titleZh, titleEn);
            String agenda = texts.pick(agendaZh, agendaEn);
            String description = texts.description(agenda, link);
            Attachment ics = built.computeIfAbsent(title + '\u0000' + description, k -> new Attachment(FILE_NAME, contentType,
                    IcsInvite.build(method, uid, sequence, start, length, zone, stamp, organizer, attendees, title, description, link)));
            mails.add(new OutgoingMail(reader.id(), texts.subject(title, cancel, sequence > 0),
                    texts.body(title, texts.when(start, length, zone), organizer.name(), agenda, link, cancel), ics));
        }
        notifications.mailAll(kind, mails);
    }

    private static Participant participant(Person p) {
        return new Participant(p.id(), p.fullName(), email(p));
    }

    private static String email(Person person) {
        return person.email() == null || person.email().isBlank() ? null : person.email().strip();
    }
}

package com.salescadence.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * One meeting as an iCalendar (RFC 5545) object, built with ical4j: METHOD REQUEST (set or moved) or CANCEL
 * (dropped), the VTIMEZONE of the product's zone, DTSTART with its TZID and a DURATION, the meeting's stable UID and
 * SEQUENCE, the ORGANIZER and each ATTENDEE as mailto: with their name, and SUMMARY / DESCRIPTION in the reader's
 * language. Plain Java: no Spring, no database.
 */
final class IcsInvite {

    static final String PRODUCT_ID = "-//Sales Cadence Engine//Calendar invites//EN";
    /** ical4j's time zone definitions (its bundled tz database); one registry, read-only after use. */
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    /** Each zone's VTIMEZONE as ical4j writes it (unfolded), by zone id: the same text for every invite in that zone. */
    private static final java.util.Map<String, String> ZONE_TEXTS = new java.util.concurrent.ConcurrentHashMap<>();

    private IcsInvite() {
    }

    /**
     * Loads ical4j and the zone's VTIMEZONE before the first invite (at start-up, called by {@link CalendarInvites}):
     * the first build of a JVM initialised ical4j's classes and read the zone's definition from its jar, 15% of the
     * Monday 09:00 opening's samples on PostgreSQL. Builds one invite that is thrown away; keeps the same zone text
     * as the first real invite would have. A zone ical4j does not know is left for that invite to report, as before.
     */
    static void prepare(ZoneId zone) {
        try {
            build(ImmutableMethod.REQUEST, "prepare", 0, ZonedDateTime.of(2030, 1, 7, 9, 0, 0, 0, zone), java.time.Duration.ofHours(1),
                    zone, Instant.EPOCH, new Participant("organizer", "Organizer", "organizer@example.invalid"),
                    List.of(new Participant("attendee", "Attendee", "attendee@example.invalid")), "prepare", "prepare", "http://example.invalid");
        } catch (IllegalArgumentException unknownZone) {
            // reported by the first invite in this zone
        }
    }

    /** Whether the zone's VTIMEZONE is kept already (prepared or built once). */
    static boolean kept(ZoneId zone) {
        return ZONE_TEXTS.containsKey(zone.getId());
    }

    /**
     * The zone's VTIMEZONE, looked up once per zone: ical4j's registry reads and parses the zone's definition from
     * its jar on every getTimeZone (TimeZoneLoader.loadVTimeZone; 6% of the Monday 09:00 opening's samples).
     */
    private static String zoneText(ZoneId zone) {
        return ZONE_TEXTS.computeIfAbsent(zone.getId(), id -> {
            TimeZone timeZone = ZONES.getTimeZone(id);
            if (timeZone == null) {
                throw new IllegalArgumentException("ical4j knows no time zone '" + id + "'");
            }
            return timeZone.getVTimeZone().toString();
        });
    }

    /**
     * @param method      REQUEST or CANCEL
     * @param zone        the product's time zone: the start is written in it, with its VTIMEZONE
     * @param stamp       when the invite is written (DTSTAMP)
     * @param title       SUMMARY, in the reader's language
     * @param description DESCRIPTION (agenda and link), in the reader's language; may be empty
     * @param link        URL of the meeting in the product, or null
     */
    static String build(Method method, String uid, int sequence, ZonedDateTime start, java.time.Duration length, ZoneId zone,
            Instant stamp, Participant organizer, List<Participant> attendees, String title, String description, String link) {
        String zoneText = zoneText(zone);
        ZonedDateTime localStart = start.withZoneSameInstant(zone);
        VEvent event = new VEvent(localStart, length, title);
        event.add(new Uid(uid));
        event.add(new Sequence(sequence));
        event.replace(new DtStamp(stamp.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))); // the constructor set one: exactly one
        if (organizer.email() != null) {
            event.add(new Organizer(mailto(organizer.email())).add(new Cn(organizer.name())));
        }
        for (Participant attendee : attendees) {
            if (attendee.email() == null) { // no address, no calendar to invite
                continue;
            }
            event.add(new Attendee(mailto(attendee.email()))
                    .add(new Cn(attendee.name()))
                    .add(CuType.INDIVIDUAL)
                    .add(Role.REQ_PARTICIPANT)
                    .add(PartStat.NEEDS_ACTION)
                    .add(method == ImmutableMethod.CANCEL ? new Rsvp(false) : new Rsvp(true)));
        }
        if (description != null && !description.isBlank()) {
            event.add(new Description(description));
        }
        if (link != null && !link.isBlank()) {
            event.add(new Url(URI.create(link)));
        }
        event.add(method == ImmutableMethod.CANCEL ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        calendar.add(event);
        // folded again here by OCTETS as RFC 5545 3.1 asks: ical4j's outputter folds at 75 characters, which a line of
        // Chinese names exceeds threefold (unfolding first: a content line holds no CRLF, its newlines are escaped)
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the VTIMEZONE (the zone's every observance, the longest part) goes before the event as ical4j writes a
        // calendar's components in order; its text is the same in every invite, so it is written once per zone
        String unfolded = text.toString().replace("\r\n ", "").replace("\r\n\t", "");
        int eventAt = unfolded.indexOf("BEGIN:VEVENT\r\n");
        return fold(unfolded.substring(0, eventAt) + zoneText + unfolded.substring(eventAt));
    }

    /**
     * Lines of at most 75 octets of UTF-8, continued after CRLF + space, never inside a character; CRLF line ends.
     * The lines are those of {@code unfolded.split("\r?\n")} (trailing empty lines dropped), each code point counted
     * by its UTF-8 length (a lone surrogate, which UTF-8 writes as '?', as one octet); read in one pass, without
     * splitting or encoding.
     */
    static String fold(String unfolded) {
        if (unfolded.isEmpty()) {
            return "\r\n";
        }
        int end = unfolded.length();
        while (end > 0 && unfolded.charAt(end - 1) == '\n') { // the trailing empty lines split drops
            end--;
            if (end > 0 && unfolded.charAt(end - 1) == '\r') {
                end--;
            }
        }
        StringBuilder out = new StringBuilder(end + end / 16 + 2);
        int octets = 0;
        for (int i = 0; i < end; ) {
            char c = unfolded.charAt(i);
            if (c == '\n' || c == '\r' && i + 1 < end && unfolded.charAt(i + 1) == '\n') {
                out.append("\r\n");
                octets = 0;
                i += c == '\n' ? 1 : 2;
                continue;
            }
            int cp = unfolded.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp >= 0x10000 ? 4 : Character.isSurrogate((char) cp) ? 1 : 3;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        if (end > 0) {
            out.append("\r\n");
        }
        return out.toString();
    }

    private static URI mailto(String email) {
        return URI.create("mailto:" + email.strip());
    }
}

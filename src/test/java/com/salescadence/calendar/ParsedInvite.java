package com.salescadence.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * An invite read back with ical4j's parser (as a calendar would), and what the tests check of it.
 *
 * @param attendees "CN <address>" of each ATTENDEE
 * @param organizer "CN <address>" of the ORGANIZER
 */
public record ParsedInvite(String method, String uid, int sequence, String summary, String description, String startTzid,
        String startLocal, String duration, String timeZoneId, String organizer, List<String> attendees, String status) {

    public static ParsedInvite parse(String ics) {
        for (String line : ics.split("\r\n")) {
            if (line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 75) {
                throw new AssertionError("a line longer than 75 octets (RFC 5545 3.1 folds them): " + line);
            }
        }
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (IOException | ParserException e) {
            throw new AssertionError("the invite does not parse: " + e + "\n" + ics, e);
        }
        calendar.validate();
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow(() -> new AssertionError("no VEVENT"));
        VTimeZone zone = calendar.<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow(() -> new AssertionError("no VTIMEZONE"));
        if (event.getProperties(Property.DTSTAMP).size() != 1) {
            throw new AssertionError("a VEVENT has exactly one DTSTAMP: " + event.getProperties(Property.DTSTAMP));
        }
        DtStart<?> start = event.<DtStart<?>>getProperty(Property.DTSTART).orElseThrow();
        return new ParsedInvite(
                value(calendar.getProperty(Property.METHOD)),
                value(event.getProperty(Property.UID)),
                Integer.parseInt(value(event.getProperty(Property.SEQUENCE))),
                value(event.getProperty(Property.SUMMARY)),
                value(event.getProperty(Property.DESCRIPTION)),
                start.getParameter(Parameter.TZID).map(Parameter::getValue).orElse(null),
                start.getValue(),
                value(event.getProperty(Property.DURATION)),
                value(zone.getProperty(Property.TZID)),
                who(event.getProperty(Property.ORGANIZER).orElse(null)),
                event.getProperties(Property.ATTENDEE).stream().map(ParsedInvite::who).toList(),
                value(event.getProperty(Property.STATUS)));
    }

    private static String value(java.util.Optional<? extends Property> property) {
        return property.map(Property::getValue).orElse(null);
    }

    private static String who(Property property) {
        if (property == null) {
            return null;
        }
        return property.getParameter(Parameter.CN).map(Parameter::getValue).orElse("?") + " <" + property.getValue() + ">";
    }
}

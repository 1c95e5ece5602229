package com.salescadence.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

/** Invites built by {@link IcsInvite} and read back with ical4j's parser. */
class IcsInviteTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZonedDateTime MONDAY_9 = LocalDateTime.of(2027, 3, 15, 9, 0).atZone(SHANGHAI);
    private static final Participant MANAGER = new Participant("mgr", "孟经理", "mgr@example.com");
    private static final List<Participant> REPS = List.of(new Participant("rep1", "Ren Rep", "rep1@example.com"),
            new Participant("rep2", "唐队友", "rep2@example.com"), new Participant("rep3", "No Mail", null));

    @Test
    void a_request_has_the_method_the_zone_with_its_definition_the_stable_uid_the_organizer_and_every_attendee() {
        ParsedInvite invite = ParsedInvite.parse(request(0, MONDAY_9, SHANGHAI));

        assertThat(invite.method()).isEqualTo("REQUEST");
        assertThat(invite.uid()).isEqualTo("commit-call-2027-W11-mgr");
        assertThat(invite.sequence()).isZero();
        assertThat(invite.timeZoneId()).isEqualTo("Asia/Shanghai");
        assertThat(invite.startTzid()).isEqualTo("Asia/Shanghai");
        assertThat(invite.startLocal()).isEqualTo("20270315T090000");
        assertThat(invite.duration()).isEqualTo("PT1H");
        assertThat(invite.organizer()).isEqualTo("孟经理 <mailto:mgr@example.com>");
        assertThat(invite.attendees()).containsExactly("Ren Rep <mailto:rep1@example.com>", "唐队友 <mailto:rep2@example.com>");
        assertThat(invite.summary()).isEqualTo("周一承诺电话会");
        assertThat(invite.description()).isEqualTo("1. 承诺\n打开任务：http://cadence.example/task");
        assertThat(invite.status()).isEqualTo("CONFIRMED");
    }

    @Test
    void a_start_given_in_another_zone_is_written_in_the_products_zone() {
        ParsedInvite invite = ParsedInvite.parse(request(0, MONDAY_9.withZoneSameInstant(ZoneId.of("UTC")), ZoneId.of("Europe/Berlin")));

        assertThat(invite.timeZoneId()).isEqualTo("Europe/Berlin");
        assertThat(invite.startTzid()).isEqualTo("Europe/Berlin");
        assertThat(invite.startLocal()).isEqualTo("20270315T020000"); // 09:00 in Shanghai is 02:00 in Berlin (CET)
    }

    @Test
    void a_moved_meeting_keeps_its_uid_with_a_higher_sequence_and_a_dropped_one_is_cancelled() {
        ParsedInvite first = ParsedInvite.parse(request(0, MONDAY_9, SHANGHAI));
        ParsedInvite moved = ParsedInvite.parse(request(1, MONDAY_9.plusHours(2), SHANGHAI));
        ParsedInvite cancelled = ParsedInvite.parse(IcsInvite.build(ImmutableMethod.CANCEL, first.uid(), 2, MONDAY_9.plusHours(2),
                Duration.ofHours(1), SHANGHAI, Instant.parse("2027-03-15T00:00:00Z"), MANAGER, REPS, "周一承诺电话会", "", null));

        assertThat(moved.uid()).isEqualTo(first.uid());
        assertThat(moved.sequence()).isGreaterThan(first.sequence());
        assertThat(moved.startLocal()).isEqualTo("20270315T110000");
        assertThat(cancelled.method()).isEqualTo("CANCEL");
        assertThat(cancelled.uid()).isEqualTo(first.uid());
        assertThat(cancelled.sequence()).isEqualTo(2);
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.attendees()).hasSize(2);
    }

    @Test
    void long_chinese_texts_are_folded_by_octets_and_read_back_whole() {
        String title = "周一承诺电话会：华东大区第一销售团队".repeat(6);
        String ics = IcsInvite.build(ImmutableMethod.REQUEST, "u-1", 0, MONDAY_9, Duration.ofMinutes(45), SHANGHAI,
                Instant.parse("2027-03-15T00:00:00Z"), MANAGER, REPS, title, "议程：" + "核对承诺、上行机会和重点项目；".repeat(10), null);

        ParsedInvite invite = ParsedInvite.parse(ics); // fails on a line above 75 octets
        assertThat(invite.summary()).isEqualTo(title);
        assertThat(invite.description()).endsWith("重点项目；").hasSize(3 + 15 * 10);
        assertThat(invite.duration()).isEqualTo("PT45M");
        assertThat(ics).contains("\r\n ").doesNotContain("\n\n");
    }

    @Test
    void the_one_pass_fold_writes_what_the_split_and_encode_fold_wrote() {
        java.util.Random random = new java.util.Random(15);
        String[] pieces = {"a", "Z", " ", ":", ";", "é", "ß", "周", "承诺", "😀", "\r", "\n", "\r\n", "\uD800", "\uDC00", "x".repeat(80),
                "中".repeat(30), "\\n", ","};
        List<String> samples = new java.util.ArrayList<>(List.of("", "\n", "\r\n", "\n\n", "a", "a\r\n", "a\r\r\n", "a\n\nb",
                "\na", "x".repeat(75), "x".repeat(76), "x".repeat(74) + "周", "x".repeat(73) + "😀", "\r", "a\r"));
        for (int n = 0; n < 3_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(60); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            samples.add(text.toString());
        }
        for (String sample : samples) {
            assertThat(IcsInvite.fold(sample)).as(sample).isEqualTo(splitAndEncodeFold(sample));
        }
        String ics = request(0, MONDAY_9, SHANGHAI);
        assertThat(IcsInvite.fold(ics.replace("\r\n ", ""))).isEqualTo(ics);
    }

    @Test
    void the_zone_written_once_gives_the_same_invite_as_the_calendar_written_whole() {
        Instant stamp = Instant.parse("2027-03-15T00:00:00Z");
        for (String zone : List.of("Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata", "Australia/Lord_Howe")) {
            for (var method : List.of(ImmutableMethod.REQUEST, ImmutableMethod.CANCEL)) {
                for (String title : List.of("周一承诺电话会", "Monday commit call: Meng Manager (2027-W11)", "周一承诺电话会：华东大区".repeat(5))) {
                    String description = method == ImmutableMethod.CANCEL ? "" : "1. 承诺\n打开任务：http://cadence.example/task";
                    String link = method == ImmutableMethod.CANCEL ? null : "http://cadence.example/task";
                    for (int twice = 0; twice < 2; twice++) { // the second from the zone's kept text
                        assertThat(IcsInvite.build(method, "u-" + zone, 3, MONDAY_9, Duration.ofMinutes(50), ZoneId.of(zone), stamp, MANAGER,
                                REPS, title, description, link)).as(zone + " " + method.getValue() + " " + title)
                                .isEqualTo(wholeCalendar(method, "u-" + zone, 3, MONDAY_9, Duration.ofMinutes(50), ZoneId.of(zone), stamp,
                                        MANAGER, REPS, title, description, link));
                    }
                }
            }
        }
    }

    /** IcsInvite.build as it was until issue 15 round 6 (the VTIMEZONE in the calendar written by ical4j each time). */
    private static String wholeCalendar(net.fortuna.ical4j.model.property.Method method, String uid, int sequence, ZonedDateTime start,
            Duration length, ZoneId zone, Instant stamp, Participant organizer, List<Participant> attendees, String title, String description,
            String link) {
        var timeZone = net.fortuna.ical4j.model.TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(zone.getId());
        var event = new net.fortuna.ical4j.model.component.VEvent(start.withZoneSameInstant(zone), length, title);
        event.add(new net.fortuna.ical4j.model.property.Uid(uid));
        event.add(new net.fortuna.ical4j.model.property.Sequence(sequence));
        event.replace(new net.fortuna.ical4j.model.property.DtStamp(stamp.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        event.add(new net.fortuna.ical4j.model.property.Organizer(java.net.URI.create("mailto:" + organizer.email().strip()))
                .add(new net.fortuna.ical4j.model.parameter.Cn(organizer.name())));
        for (Participant attendee : attendees) {
            if (attendee.email() != null) {
                event.add(new net.fortuna.ical4j.model.property.Attendee(java.net.URI.create("mailto:" + attendee.email().strip()))
                        .add(new net.fortuna.ical4j.model.parameter.Cn(attendee.name()))
                        .add(net.fortuna.ical4j.model.parameter.CuType.INDIVIDUAL)
                        .add(net.fortuna.ical4j.model.parameter.Role.REQ_PARTICIPANT)
                        .add(net.fortuna.ical4j.model.parameter.PartStat.NEEDS_ACTION)
                        .add(new net.fortuna.ical4j.model.parameter.Rsvp(method != ImmutableMethod.CANCEL)));
            }
        }
        if (description != null && !description.isBlank()) {
            event.add(new net.fortuna.ical4j.model.property.Description(description));
        }
        if (link != null && !link.isBlank()) {
            event.add(new net.fortuna.ical4j.model.property.Url(java.net.URI.create(link)));
        }
        event.add(method == ImmutableMethod.CANCEL ? net.fortuna.ical4j.model.property.immutable.ImmutableStatus.VEVENT_CANCELLED
                : net.fortuna.ical4j.model.property.immutable.ImmutableStatus.VEVENT_CONFIRMED);
        var calendar = new net.fortuna.ical4j.model.Calendar();
        calendar.add(new net.fortuna.ical4j.model.property.ProdId(IcsInvite.PRODUCT_ID));
        calendar.add(net.fortuna.ical4j.model.property.immutable.ImmutableVersion.VERSION_2_0);
        calendar.add(net.fortuna.ical4j.model.property.immutable.ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        calendar.add(timeZone.getVTimeZone());
        calendar.add(event);
        var text = new java.io.StringWriter();
        try {
            new net.fortuna.ical4j.data.CalendarOutputter(false).output(calendar, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return splitAndEncodeFold(text.toString().replace("\r\n ", "").replace("\r\n\t", ""));
    }

    /** IcsInvite.fold as it was until issue 15 round 6, kept here as the reference of what the fold writes. */
    private static String splitAndEncodeFold(String unfolded) {
        StringBuilder out = new StringBuilder();
        for (String line : unfolded.split("\r?\n")) {
            int octets = 0;
            int limit = 75;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 1;
                    limit = 75;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String request(int sequence, ZonedDateTime start, ZoneId zone) {
        return IcsInvite.build(ImmutableMethod.REQUEST, "commit-call-2027-W11-mgr", sequence, start, Duration.ofHours(1), zone,
                Instant.parse("2027-03-15T00:00:00Z"), MANAGER, REPS, "周一承诺电话会", "1. 承诺\n打开任务：http://cadence.example/task",
                "http://cadence.example/task");
    }
}

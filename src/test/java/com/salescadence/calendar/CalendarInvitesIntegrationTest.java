package com.salescadence.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.salescadence.cadence.CommitCallMeeting;
import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.notification.OutboxMessage;
import com.salescadence.notification.OutboxDeliveries;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.DeliveredMail;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.ThreadStatements;
import com.salescadence.support.WeeklyCycles;
import com.salescadence.workflow.WeeklyCommitProcess;

import jakarta.mail.BodyPart;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * Meetings published as events become invite mails in the outbox, in the publisher's transaction and in each
 * reader's language; the Monday commit call publishes its meeting; the real delivery job mails the invite as an
 * attachment that parses.
 */
@CadenceIntegrationTest
class CalendarInvitesIntegrationTest {

    private static final ZonedDateTime WEDNESDAY_10 = LocalDateTime.of(2027, 3, 17, 10, 0).atZone(ZoneId.of("Asia/Shanghai"));

    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired NotificationService notifications;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @BeforeEach
    void people() {
        TestOrganization.ensureBilingual(organization, administration);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void a_scheduled_meeting_writes_one_invite_per_person_in_their_language_moved_keeps_the_uid_cancelled_cancels() {
        String uid = "one-on-one-" + System.nanoTime();
        transaction.executeWithoutResult(s -> events.publishEvent(meeting(uid, 0, WEDNESDAY_10)));

        ParsedInvite managers = invite(TestOrganization.MANAGER, uid, NotificationKind.MEETING_INVITE, 0);
        ParsedInvite reps = invite(TestOrganization.REP, uid, NotificationKind.MEETING_INVITE, 0);
        ParsedInvite teammates = invite(TestOrganization.TEAMMATE, uid, NotificationKind.MEETING_INVITE, 0);
        assertThat(managers.method()).isEqualTo("REQUEST");
        assertThat(managers.organizer()).isEqualTo("Meng Manager <mailto:t.mgr1@test.local>");
        assertThat(managers.attendees()).containsExactly("Ren Rep <mailto:t.rep1@test.local>", "Tang Teammate <mailto:t.rep2@test.local>");
        assertThat(reps.attendees()).isEqualTo(managers.attendees());
        assertThat(managers.summary()).isEqualTo("一对一");
        assertThat(teammates.summary()).isEqualTo("一对一");
        assertThat(reps.summary()).isEqualTo("1:1");
        assertThat(reps.description()).startsWith("Results").contains("http://example.test/task");
        assertThat(managers.description()).startsWith("业绩");
        assertThat(managers.timeZoneId()).isEqualTo("Asia/Shanghai");
        assertThat(managers.startTzid()).isEqualTo("Asia/Shanghai");
        assertThat(managers.startLocal()).isEqualTo("20270317T100000");
        // built once per language, each reader's calendar is byte for byte the one built for them alone
        for (String person : List.of(TestOrganization.MANAGER, TestOrganization.REP, TestOrganization.TEAMMATE)) {
            String sent = message(person, uid, NotificationKind.MEETING_INVITE, 0).attachment().content();
            InviteTexts texts = new InviteTexts(organization.languageOf(person));
            MeetingScheduled meeting = meeting(uid, 0, WEDNESDAY_10);
            assertThat(sent).as(person).isEqualTo(IcsInvite.build(ImmutableMethod.REQUEST, uid, 0, meeting.start(), meeting.length(),
                    ZoneId.of("Asia/Shanghai"), stamp(sent), participant(TestOrganization.MANAGER),
                    List.of(participant(TestOrganization.REP), participant(TestOrganization.TEAMMATE)),
                    texts.title(meeting.titleZh(), meeting.titleEn()),
                    texts.description(texts.pick(meeting.agendaZh(), meeting.agendaEn()), meeting.link()), meeting.link()));
        }
        assertThat(message(TestOrganization.MANAGER, uid, NotificationKind.MEETING_INVITE, 0).attachment().content())
                .isEqualTo(message(TestOrganization.TEAMMATE, uid, NotificationKind.MEETING_INVITE, 0).attachment().content())
                .isNotEqualTo(message(TestOrganization.REP, uid, NotificationKind.MEETING_INVITE, 0).attachment().content());
        OutboxMessage mail = message(TestOrganization.REP, uid, NotificationKind.MEETING_INVITE, 0);
        assertThat(mail.subject()).isEqualTo("Invitation: 1:1");
        assertThat(mail.body()).contains("When: 2027-03-17 10:00\u201311:00 (Asia/Shanghai)", "Organizer: Meng Manager");
        assertThat(mail.attachment().contentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
        assertThat(message(TestOrganization.MANAGER, uid, NotificationKind.MEETING_INVITE, 0).subject()).isEqualTo("会议邀请：一对一");

        // moved: same uid, higher sequence
        transaction.executeWithoutResult(s -> events.publishEvent(meeting(uid, 1, WEDNESDAY_10.plusDays(1))));
        ParsedInvite moved = invite(TestOrganization.REP, uid, NotificationKind.MEETING_INVITE, 1);
        assertThat(moved.uid()).isEqualTo(reps.uid());
        assertThat(moved.sequence()).isEqualTo(1);
        assertThat(moved.startLocal()).isEqualTo("20270318T100000");
        assertThat(message(TestOrganization.REP, uid, NotificationKind.MEETING_INVITE, 1).subject()).isEqualTo("Updated invitation: 1:1");

        // dropped
        transaction.executeWithoutResult(s -> events.publishEvent(new MeetingCancelled(uid, 2, TestOrganization.MANAGER,
                List.of(TestOrganization.REP, TestOrganization.TEAMMATE), WEDNESDAY_10.plusDays(1), Duration.ofMinutes(30), "一对一", "1:1")));
        for (String person : List.of(TestOrganization.MANAGER, TestOrganization.REP, TestOrganization.TEAMMATE)) {
            ParsedInvite cancel = invite(person, uid, NotificationKind.MEETING_CANCELLED, 2);
            assertThat(cancel.method()).as(person).isEqualTo("CANCEL");
            assertThat(cancel.uid()).isEqualTo(uid);
            assertThat(cancel.status()).isEqualTo("CANCELLED");
        }
        assertThat(message(TestOrganization.REP, uid, NotificationKind.MEETING_CANCELLED, 2).attachment().contentType()).endsWith("method=CANCEL");
    }

    @Test
    void no_invite_is_written_when_the_transaction_that_sets_the_meeting_rolls_back() {
        String uid = "rolled-back-" + System.nanoTime();
        transaction.executeWithoutResult(s -> {
            events.publishEvent(meeting(uid, 0, WEDNESDAY_10));
            s.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from outbox_message m left join outbox_attachment a on a.attachment_id = m.attachment_id "
                + "where coalesce(m.attachment, a.content) like ?").param("%UID:" + uid + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_attachment where content like ?").param("%UID:" + uid + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_meetings_calendar_is_stored_once_per_language_and_its_invites_cost_the_same_statements_for_2_attendees_as_for_4() {
        String small = "statements-2-" + System.nanoTime();
        String large = "statements-4-" + System.nanoTime();
        MeetingScheduled two = meeting(small, 0, WEDNESDAY_10);
        MeetingScheduled four = new MeetingScheduled(large, 0, TestOrganization.MANAGER, List.of(TestOrganization.REP,
                TestOrganization.TEAMMATE, TestOrganization.OTHER_REP, TestOrganization.OTHER_MANAGER), WEDNESDAY_10,
                two.length(), two.titleZh(), two.titleEn(), two.agendaZh(), two.agendaEn(), two.link());

        int forTwo = ThreadStatements.during(() -> transaction.executeWithoutResult(s -> events.publishEvent(two)));
        int forFour = ThreadStatements.during(() -> transaction.executeWithoutResult(s -> events.publishEvent(four)));

        // the people and their languages read once, each language's calendar stored once, the mails in one batch
        assertThat(forFour).as("statements for 4 attendees").isEqualTo(forTwo).isLessThanOrEqualTo(6);
        for (String uid : List.of(small, large)) {
            assertThat(jdbc.sql("select count(*) from outbox_attachment where content like ?").param("%UID:" + uid + "\r\n%")
                    .query(Long.class).single()).as("one calendar per language (zh, en) of " + uid).isEqualTo(2);
        }
        assertThat(jdbc.sql("select count(*) from outbox_message m join outbox_attachment a on a.attachment_id = m.attachment_id "
                + "where a.content like ? and m.attachment is null").param("%UID:" + large + "\r\n%").query(Long.class).single())
                .as("the 5 invites point at the stored calendars and hold no copy").isEqualTo(5);
        // each reader still receives the calendar built for their language alone
        for (String person : List.of(TestOrganization.MANAGER, TestOrganization.REP, TestOrganization.TEAMMATE,
                TestOrganization.OTHER_REP, TestOrganization.OTHER_MANAGER)) {
            String sent = message(person, large, NotificationKind.MEETING_INVITE, 0).attachment().content();
            InviteTexts texts = new InviteTexts(organization.languageOf(person));
            assertThat(sent).as(person).isEqualTo(IcsInvite.build(ImmutableMethod.REQUEST, large, 0, four.start(), four.length(),
                    ZoneId.of("Asia/Shanghai"), stamp(sent), participant(TestOrganization.MANAGER),
                    List.of(participant(TestOrganization.REP), participant(TestOrganization.TEAMMATE),
                            participant(TestOrganization.OTHER_REP), participant(TestOrganization.OTHER_MANAGER)),
                    texts.title(four.titleZh(), four.titleEn()),
                    texts.description(texts.pick(four.agendaZh(), four.agendaEn()), four.link()), four.link()));
        }
    }

    @Test
    void the_monday_commit_call_invites_each_managers_reps_and_the_delivered_mail_carries_an_invite_that_parses() throws Exception {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        LocalDateTime sunday = LocalDateTime.of(2027, 3, 14, 8, 0);
        String key = weeks.open(sunday);
        WeeklyCycles.setClock(sunday.plusHours(25)); // Monday 09:00: the deadline passed, the calls open
        weeks.runDueJobs(key);

        String uid = CommitCallMeeting.uid(key, TestOrganization.MANAGER);
        for (String person : List.of(TestOrganization.MANAGER, TestOrganization.REP, TestOrganization.TEAMMATE)) {
            ParsedInvite invite = invite(person, uid, NotificationKind.MEETING_INVITE, 0);
            assertThat(invite.organizer()).isEqualTo("Meng Manager <mailto:t.mgr1@test.local>");
            assertThat(invite.attendees()).containsExactlyInAnyOrder("Ren Rep <mailto:t.rep1@test.local>",
                    "Tang Teammate <mailto:t.rep2@test.local>");
            assertThat(invite.startLocal()).isEqualTo("20270315T090000");
            assertThat(invite.startTzid()).isEqualTo("Asia/Shanghai");
            assertThat(invite.description()).contains("/camunda/app/tasklist/default/#/?task=");
        }
        assertThat(invite(TestOrganization.REP, uid, NotificationKind.MEETING_INVITE, 0).summary())
                .isEqualTo("Monday commit call: Meng Manager (" + key + ")");
        assertThat(invite(TestOrganization.OTHER_REP, CommitCallMeeting.uid(key, TestOrganization.OTHER_MANAGER),
                NotificationKind.MEETING_INVITE, 0).organizer()).isEqualTo("Ou Manager <mailto:t.mgr2@test.local>");
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(WeeklyCommitProcess.TASK_RUN_COMMIT_CALL)
                .taskAssignee(TestOrganization.MANAGER).count()).isEqualTo(1);

        // the real delivery job mails the outbox to an SMTP server; the rep's invite arrives once and parses
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            while (OutboxDeliveries.deliverOnce(context, port) > 0) {
                // every due message, batch by batch
            }
            DeliveredMail delivered = DeliveredMail.of(smtp.getReceivedMessages(), jdbc);
            assertThat(delivered.duplicates()).isEmpty();
            assertThat(delivered.perRecipientAndKind()).containsEntry(TestOrganization.REP + " MEETING_INVITE", 1);
            List<String> invites = new ArrayList<>();
            Map<String, String> types = new TreeMap<>();
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                if (mail.getSubject().contains("Monday commit call") && mail.getAllRecipients()[0].toString().equals("t.rep1@test.local")) {
                    Multipart parts = (Multipart) mail.getContent();
                    for (int i = 0; i < parts.getCount(); i++) {
                        BodyPart part = parts.getBodyPart(i);
                        types.put(part.getContentType().split(";")[0].trim().toLowerCase(), part.getFileName());
                        if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
                            assertThat(part.getContentType()).containsIgnoringCase("method=REQUEST");
                            try (InputStream in = part.getInputStream()) {
                                invites.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            }
            assertThat(types).containsEntry("text/calendar", "invite.ics").containsKey("text/plain");
            assertThat(invites).hasSize(1);
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "commit-call-invite.ics"), invites.get(0));
            ParsedInvite delivered0 = ParsedInvite.parse(invites.get(0));
            assertThat(delivered0.uid()).isEqualTo(uid);
            assertThat(delivered0.method()).isEqualTo("REQUEST");
            assertThat(delivered0.attendees()).hasSize(2);
        } finally {
            smtp.stop();
        }
    }

    private static MeetingScheduled meeting(String uid, int sequence, ZonedDateTime start) {
        return new MeetingScheduled(uid, sequence, TestOrganization.MANAGER, List.of(TestOrganization.REP, TestOrganization.TEAMMATE),
                start, Duration.ofMinutes(60), "一对一", "1:1", "业绩、管道健康度、行动项", "Results, pipeline health, action items",
                "http://example.test/task");
    }

    private Participant participant(String id) {
        var person = organization.person(id);
        return new Participant(id, person.fullName(), person.email());
    }

    private static java.time.Instant stamp(String ics) {
        java.util.regex.Matcher stamp = java.util.regex.Pattern.compile("\r\nDTSTAMP:(\\d{8}T\\d{6})Z\r\n").matcher(ics);
        assertThat(stamp.find()).as(ics).isTrue();
        return java.time.LocalDateTime.parse(stamp.group(1), java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
                .toInstant(java.time.ZoneOffset.UTC);
    }

    private OutboxMessage message(String person, String uid, NotificationKind kind, int sequence) {
        List<OutboxMessage> found = notifications.forRecipient(person, 500).stream()
                .filter(m -> m.kind() == kind && m.attachment() != null && m.attachment().content().contains("UID:" + uid)
                        && m.attachment().content().contains("SEQUENCE:" + sequence + "\r\n"))
                .toList();
        assertThat(found).as(person + " " + kind + " " + uid + " #" + sequence).hasSize(1);
        return found.get(0);
    }

    private ParsedInvite invite(String person, String uid, NotificationKind kind, int sequence) {
        return ParsedInvite.parse(message(person, uid, kind, sequence).attachment().content());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package com.salescadence.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Delivery of the outbox against a real SMTP server (GreenMail) and the real table on H2 (or PostgreSQL, see {@link OutboxTestDatabase}), without the Spring
 * application: the repository works with plain auto-commit, one statement per state change.
 */
class OutboxDeliveryJobTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final NotificationProperties PROPERTIES =
            new NotificationProperties("cadence@example.com", Duration.ofSeconds(30), 50, 10, Duration.ofMinutes(10));

    private OutboxTestDatabase database;
    private JdbcClient jdbc;
    private OutboxRepository outbox;
    private MutableClock clock;

    @BeforeEach
    void freshOutbox() {
        database = OutboxTestDatabase.create();
        jdbc = JdbcClient.create(database.dataSource());
        outbox = new OutboxRepository(jdbc, database.dataSource());
        clock = MutableClock.startingNow();
    }

    @AfterEach
    void dropOutbox() {
        database.drop();
    }

    @Test
    void aPendingMessageIsMailedAndMarkedSent() throws Exception {
        long id = insertPending("rep1", "rep1@example.com", "Stage advance requested: ACME 方案", "Please review.\n请审批。");

        int sent = job(greenMailSender()).deliverDue();

        assertThat(sent).isEqualTo(1);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Stage advance requested: ACME 方案");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("rep1@example.com");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("cadence@example.com");
        assertThat(((String) mail.getContent()).trim()).isEqualTo("Please review.\r\n请审批。");
        assertThat(mail.getHeader(OutboxDeliveryJob.OUTBOX_ID_HEADER)).containsExactly(Long.toString(id));

        OutboxMessage row = outbox.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row.sentAt()).isEqualTo(clock.instant());
        assertThat(row.attempts()).isZero();
        assertThat(row.lastError()).isNull();
    }

    @Test
    void aSharedAttachmentIsStoredOnceAndMailedWithEachRowAsARowWithItsOwnCopyIs() throws Exception {
        String calendar = "BEGIN:VCALENDAR\r\nSUMMARY:周一承诺电话会\r\nEND:VCALENDAR\r\n";
        Attachment invite = new Attachment("invite.ics", "text/calendar; charset=UTF-8; method=REQUEST", calendar);
        // a row as written before V87: the attachment in its own columns
        long own = outbox.insert("rep0", "rep0@example.com", NotificationKind.MEETING_INVITE, "Invitation: own", "Body 0",
                OutboxStatus.PENDING, null, clock.instant(), Channel.MAIL, null, invite);
        long shared = outbox.insertSharedAttachment(invite);
        outbox.insertMails(List.of(
                new OutboxRepository.NewMail("rep1", "rep1@example.com", NotificationKind.MEETING_INVITE, "Invitation: 1", "Body 1",
                        OutboxStatus.PENDING, null, shared),
                new OutboxRepository.NewMail("rep2", "rep2@example.com", NotificationKind.MEETING_INVITE, "Invitation: 2", "Body 2",
                        OutboxStatus.PENDING, null, shared),
                new OutboxRepository.NewMail("rep3", "rep3@example.com", NotificationKind.GENERAL, "Plain", "Body 3",
                        OutboxStatus.PENDING, null, null)), clock.instant());
        assertThat(jdbc.sql("select count(*) from outbox_attachment").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox_message where attachment is not null").query(Long.class).single())
                .as("only the row written one by one holds a copy").isEqualTo(1);
        assertThat(outbox.forRecipient("rep2", 10)).singleElement().extracting(OutboxMessage::attachment).isEqualTo(invite);
        assertThat(outbox.forRecipient("rep3", 10)).singleElement().extracting(OutboxMessage::attachment).isNull();

        assertThat(job(greenMailSender()).deliverDue()).isEqualTo(4);

        Map<String, String> calendars = new java.util.TreeMap<>();
        for (MimeMessage mail : greenMail.getReceivedMessages()) {
            String to = mail.getRecipients(Message.RecipientType.TO)[0].toString();
            if (!(mail.getContent() instanceof jakarta.mail.Multipart parts)) {
                calendars.put(to, "(no attachment)");
                continue;
            }
            for (int i = 0; i < parts.getCount(); i++) {
                jakarta.mail.BodyPart part = parts.getBodyPart(i);
                if (part.getContentType().startsWith("text/calendar")) {
                    assertThat(part.getContentType()).contains("method=REQUEST");
                    assertThat(part.getFileName()).isEqualTo("invite.ics");
                    try (java.io.InputStream in = part.getInputStream()) {
                        calendars.put(to, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertThat(calendars).containsOnly(Map.entry("rep0@example.com", calendar), Map.entry("rep1@example.com", calendar),
                Map.entry("rep2@example.com", calendar), Map.entry("rep3@example.com", "(no attachment)"));
        assertThat(outbox.find(own).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void aPasswordLinkIsMailedAndItsBodyWithTheLinkIsNotKeptAfterwards() throws Exception {
        String link = "https://cadence.example/password/#token=secret-one-time-token";
        long id = insertPending("rep1", "rep1@example.com", "Set your password", "Open " + link);
        jdbc.sql("update outbox_message set kind = ? where id = ?").params(NotificationKind.PASSWORD_LINK.name(), id).update();
        long other = insertPending("rep2", "rep2@example.com", "Stage advance requested", "Please review " + link);

        assertThat(job(greenMailSender()).deliverDue()).isEqualTo(2);

        assertThat(greenMail.getReceivedMessages()).anySatisfy(mail -> assertThat((String) mail.getContent()).contains(link));
        assertThat(outbox.find(id).orElseThrow().body()).doesNotContain("token").isEqualTo(OutboxRepository.LINK_REMOVED);
        assertThat(jdbc.sql("select body from outbox_message where id = ?").param(id).query(String.class).single())
                .doesNotContain("secret-one-time-token");
        assertThat(outbox.find(other).orElseThrow().body()).as("other mails are kept as sent").contains(link);
    }

    @Test
    void aSentMessageIsNotMailedAgain() {
        insertPending("rep1", "rep1@example.com", "Once", "only once");
        OutboxDeliveryJob job = job(greenMailSender());
        job.deliverDue();
        clock.advance(Duration.ofHours(2));

        int sentAgain = job.deliverDue();

        assertThat(sentAgain).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aMessageThatIsNotDueYetIsLeftAlone() {
        long id = insert("rep1", "rep1@example.com", "Later", "body", OutboxStatus.PENDING, 0,
                clock.instant().plus(Duration.ofMinutes(5)));

        int sent = job(greenMailSender()).deliverDue();

        assertThat(sent).isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void oneRunTakesAtMostOneBatch() {
        for (int i = 0; i < 3; i++) {
            insertPending("rep" + i, "rep" + i + "@example.com", "Batch " + i, "body");
        }
        NotificationProperties twoAtATime =
                new NotificationProperties("cadence@example.com", Duration.ofSeconds(30), 2, 10, Duration.ofMinutes(10));
        OutboxDeliveryJob job = new OutboxDeliveryJob(outbox, greenMailSender(), twoAtATime, clock);

        assertThat(job.deliverDue()).isEqualTo(2);
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(job.deliverDue()).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void whenTheMailServerIsDownTheMessageStaysPendingAndIsRetriedAfterOneMinute() {
        long id = insertPending("rep1", "rep1@example.com", "Commit due", "Submit your commit.");
        OutboxDeliveryJob job = job(closedPortSender());
        Instant firstTry = clock.instant();

        int sent = job.deliverDue();

        assertThat(sent).isZero();
        OutboxMessage row = outbox.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isNotBlank().containsIgnoringCase("connect").doesNotContain("\n")
                .hasSizeLessThanOrEqualTo(1000);
        assertThat(row.nextAttemptAt()).isEqualTo(firstTry.plus(Duration.ofMinutes(1))).isAfter(clock.instant());
        assertThat(row.sentAt()).isNull();

        clock.advance(Duration.ofSeconds(59));
        job.deliverDue();
        assertThat(outbox.find(id).orElseThrow().attempts()).as("not retried before its time").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        job.deliverDue();
        OutboxMessage second = outbox.find(id).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
    }

    @Test
    void afterTheMaximumAttemptsTheMessageFailsForGood() {
        long id = insertPending("rep1", "rep1@example.com", "Payment overdue", "Invoice 42 is overdue.");
        OutboxDeliveryJob job = job(closedPortSender());
        List<Long> pauses = new ArrayList<>();

        for (int attempt = 1; attempt <= 10; attempt++) {
            job.deliverDue();
            OutboxMessage row = outbox.find(id).orElseThrow();
            assertThat(row.attempts()).isEqualTo(attempt);
            if (row.status() == OutboxStatus.PENDING) {
                pauses.add(Duration.between(clock.instant(), row.nextAttemptAt()).toMinutes());
                clock.set(row.nextAttemptAt());
            }
        }

        OutboxMessage failed = outbox.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(10);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(pauses).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);

        clock.advance(Duration.ofDays(1));
        assertThat(job(greenMailSender()).deliverDue()).as("a failed message is not retried").isZero();
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(10);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aPasswordLinkKeepsItsLinkWhileRetriedAndLosesItWhenGivenUp() {
        long id = insertPending("rep1", "rep1@example.com", "Set your password", "Open https://x/password/#token=retry-token");
        jdbc.sql("update outbox_message set kind = ? where id = ?").params(NotificationKind.PASSWORD_LINK.name(), id).update();
        OutboxDeliveryJob job = job(closedPortSender());
        job.deliverDue();
        assertThat(outbox.find(id).orElseThrow().body()).as("still to be mailed").contains("retry-token");
        for (int attempt = 2; attempt <= 10; attempt++) {
            clock.set(outbox.find(id).orElseThrow().nextAttemptAt());
            job.deliverDue();
        }
        OutboxMessage failed = outbox.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.body()).isEqualTo(OutboxRepository.LINK_REMOVED);
    }

    @Test
    void whenTheMailServerIsBackTheDelayedMessageGoesOut() {
        long id = insertPending("mgr1", "mgr1@example.com", "Stage advance decided", "Approved.");
        job(closedPortSender()).deliverDue();
        clock.advance(Duration.ofMinutes(1));

        int sent = job(greenMailSender()).deliverDue();

        assertThat(sent).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        OutboxMessage row = outbox.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row.attempts()).as("the failed attempt stays counted").isEqualTo(1);
        assertThat(row.lastError()).isNull();
    }

    @Test
    void aMalformedAddressFailsAtOnceInsteadOfRetrying() {
        long id = insertPending("rep1", "not an address@@", "Hello", "body");

        job(greenMailSender()).deliverDue();

        OutboxMessage row = outbox.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isNotBlank();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aMessageClaimedByAnotherNodeIsSkippedUntilTheClaimGoesStale() {
        long id = insertPending("rep1", "rep1@example.com", "Claimed", "body");
        Instant now = clock.instant();
        assertThat(outbox.claim(id, now, now.minus(PROPERTIES.staleAfter()))).as("the other node's claim").isTrue();
        OutboxDeliveryJob job = job(greenMailSender());

        assertThat(job.deliverDue()).isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);

        clock.advance(Duration.ofMinutes(9));
        assertThat(job.deliverDue()).as("a claim younger than 10 minutes is respected").isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(job.deliverDue()).as("the other node died: its stale claim is taken over").isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void onlyOneOfTwoClaimsOnTheSameMessageWins() {
        long id = insertPending("rep1", "rep1@example.com", "Race", "body");
        Instant now = clock.instant();
        Instant staleBefore = now.minus(Duration.ofMinutes(10));

        assertThat(outbox.claim(id, now, staleBefore)).isTrue();
        assertThat(outbox.claim(id, now, staleBefore)).isFalse();
        Instant later = now.plus(Duration.ofMinutes(11));
        assertThat(outbox.claim(id, later, later.minus(Duration.ofMinutes(10)))).as("stale claim taken over").isTrue();
        assertThat(outbox.claim(id, later, later.minus(Duration.ofMinutes(10)))).isFalse();
    }

    @Test
    void twoNodesRunningAtOnceMailEveryMessageExactlyOnce() throws Exception {
        int messages = 40;
        for (int i = 0; i < messages; i++) {
            insertPending("rep" + i, "rep" + i + "@example.com", "Cluster " + i, "body " + i);
        }
        OutboxDeliveryJob nodeA = job(greenMailSender());
        OutboxDeliveryJob nodeB = job(greenMailSender());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> runA = () -> { start.await(); return nodeA.deliverDue(); };
            Callable<Integer> runB = () -> { start.await(); return nodeB.deliverDue(); };
            Future<Integer> a = pool.submit(runA);
            Future<Integer> b = pool.submit(runB);
            start.countDown();

            assertThat(a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS)).isEqualTo(messages);
        } finally {
            pool.shutdownNow();
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(messages);
        assertThat(jdbc.sql("select count(*) from outbox_message where status = 'SENT'").query(Integer.class).single())
                .isEqualTo(messages);
    }

    @Test
    void withoutAMailServerConfiguredNothingIsSentAndNothingIsLost() {
        long id = insertPending("rep1", "rep1@example.com", "No mail host", "body");
        OutboxDeliveryJob job = job(null);

        assertThat(job.isEnabled()).isFalse();
        assertThat(job.deliverDue()).isZero();
        OutboxMessage row = outbox.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row.attempts()).isZero();
    }

    private OutboxDeliveryJob job(JavaMailSenderImpl sender) {
        return new OutboxDeliveryJob(outbox, sender, PROPERTIES, clock);
    }

    private static JavaMailSenderImpl greenMailSender() {
        return sender(greenMail.getSmtp().getPort());
    }

    /** A port nobody listens on: every connection is refused, like an SMTP outage. */
    private static JavaMailSenderImpl closedPortSender() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return sender(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties mail = new Properties();
        mail.put("mail.smtp.connectiontimeout", "5000");
        mail.put("mail.smtp.timeout", "5000");
        sender.setJavaMailProperties(mail);
        return sender;
    }

    private long insertPending(String recipientId, String email, String subject, String body) {
        return insert(recipientId, email, subject, body, OutboxStatus.PENDING, 0, clock.instant());
    }

    private long insert(String recipientId, String email, String subject, String body, OutboxStatus status, int attempts,
            Instant nextAttemptAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into outbox_message (recipient_id, recipient_email, kind, subject, body, status, attempts, "
                        + "next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(recipientId, email, NotificationKind.GENERAL.name(), subject, body, status.name(), attempts,
                        Timestamp.from(nextAttemptAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}

package com.salescadence.operations;

import static com.salescadence.workflow.WeeklyCommitProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.SubmissionStatus;
import com.salescadence.cadence.WeeklyCommitService;
import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.notification.OutboxDeliveryJob;
import com.salescadence.notification.OutboxMessage;
import com.salescadence.notification.OutboxStatus;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.TestDatabase;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;
import com.salescadence.workflow.TaskActions;

/**
 * Faults of issue 6, each on the real application: the mail server is down, a delegate keeps failing,
 * and two requests change the same thing at once. Each test runs its own week of 2018.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FaultsIntegrationTest {

    /** The mail server's port: nobody listens there until a test starts GreenMail on it. */
    private static final int SMTP_PORT = freePort();
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.registerOwn(registry, "faults");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 3000);
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> 3000);
    }

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired CycleService cycles;
    @Autowired ComplianceService compliance;
    @Autowired WeeklyCommitService commits;
    @Autowired NotificationService notifications;
    @Autowired OutboxDeliveryJob delivery;
    @Autowired JdbcClient jdbc;
    @Autowired TaskActions taskActions;
    @Autowired TransactionTemplate transaction;
    @Autowired com.salescadence.cadence.RollupService rollups;
    @Autowired com.salescadence.pipeline.AccountService accounts;
    @Autowired com.salescadence.pipeline.LeadService leads;
    @Autowired com.salescadence.pipeline.OpportunityService opportunities;

    private WeeklyCycles weeks;

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
        weeks = new WeeklyCycles(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void while_the_mail_server_is_down_submissions_succeed_and_mails_wait_then_go_out_when_it_is_back() throws Exception {
        LocalDateTime sunday = LocalDateTime.of(2018, 1, 14, 8, 0);
        String key = weeks.open(sunday);
        Cycle cycle = cycles.find(Cadence.WEEKLY_COMMIT, key).orElseThrow();

        // SMTP is down all along: the rep's submission through the API succeeds
        WeeklyCycles.setClock(sunday.plusHours(2));
        ResponseEntity<Map<String, Object>> submitted = call(TestOrganization.REP, HttpMethod.POST,
                "/api/cadence/cycles/" + cycle.id() + "/commit", Map.of("items", List.of(), "projectTracking", "On track"));
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(compliance.find(cycle.id(), TestOrganization.REP, ReportType.COMMIT).orElseThrow().status())
                .isEqualTo(SubmissionStatus.ON_TIME);

        // Sunday 20:00 the reminders are written to the outbox; delivery fails and they wait
        WeeklyCycles.setClock(sunday.plusHours(12));
        weeks.runDueJobs(key);
        deliverAll();
        List<OutboxMessage> reminders = reminders(key);
        assertThat(reminders).extracting(OutboxMessage::recipientId)
                .containsExactlyInAnyOrder(TestOrganization.TEAMMATE, TestOrganization.OTHER_REP);
        assertThat(reminders).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.lastError()).containsIgnoringCase("connect");
        });

        // the mail server comes back; the next delivery run after the back-off mails them, once
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            WeeklyCycles.setClock(sunday.plusHours(12).plusMinutes(2));
            deliverAll();
            List<MimeMessage> received = Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> subject(m).contains(key)).toList();
            assertThat(received).extracting(m -> m.getRecipients(Message.RecipientType.TO)[0].toString())
                    .containsExactlyInAnyOrder(TestOrganization.TEAMMATE + "@test.local", TestOrganization.OTHER_REP + "@test.local");
            assertThat(reminders(key)).allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxStatus.SENT));

            WeeklyCycles.setClock(sunday.plusHours(13));
            deliverAll();
            assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(key))).hasSize(2);
        } finally {
            smtp.stop();
        }
    }

    /**
     * The cause: the database refuses the reminder mail of one rep (a CHECK constraint on the outbox, as an
     * operator's faulty migration or a full tablespace would refuse writes). The reminder timer's job fails
     * with it, is retried, and with no retries left becomes an incident; once the constraint is gone and
     * the retries are set again, the job runs and the process carries on.
     */
    @Test
    void a_failing_delegate_is_retried_raises_an_incident_and_continues_once_the_cause_is_fixed() {
        LocalDateTime sunday = LocalDateTime.of(2018, 1, 21, 8, 0);
        String key = weeks.open(sunday);
        ProcessInstance teammate = weeks.instance(SUBMISSION_KEY, key + ":" + TestOrganization.TEAMMATE);
        String constraint = "ck_ops_test_refuse_reminder";
        jdbc.sql("alter table outbox_message add constraint " + constraint + " check (recipient_id <> '"
                + TestOrganization.TEAMMATE + "' or subject not like '%" + key + "%')").update();
        try {
            WeeklyCycles.setClock(sunday.plusHours(12));
            Job reminder = engine.getManagementService().createJobQuery().processInstanceId(teammate.getId())
                    .timers().activityId(TIMER_COMMIT_REMINDER).singleResult();
            assertThat(reminder.getRetries()).isEqualTo(3);
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThatThrownBy(() -> engine.getManagementService().executeJob(reminder.getId()))
                        .satisfies(e -> assertThat(org.assertj.core.util.Throwables.getStackTrace(e)).containsIgnoringCase(constraint));
                assertThat(job(reminder.getId()).getRetries()).isEqualTo(3 - attempt);
            }
            Job failed = job(reminder.getId());
            assertThat(failed.getExceptionMessage()).isNotBlank();
            assertThat(engine.getManagementService().getJobExceptionStacktrace(failed.getId()))
                    .containsIgnoringCase(constraint);
            Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(teammate.getId()).singleResult();
            assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
            assertThat(incident.getConfiguration()).isEqualTo(reminder.getId());
            assertThat(incident.getActivityId()).isEqualTo(TIMER_COMMIT_REMINDER);
            assertThat(weeks.dueJobs(key)).as("the job executor leaves it alone").extracting(Job::getId).doesNotContain(reminder.getId());
            assertThat(new JobExecutorHealthIndicator(engine, false).health().getDetails())
                    .containsEntry("jobsWithoutRetries", 1L).containsEntry("incidents", 1L);
            assertThat(reminders(key)).extracting(OutboxMessage::recipientId).doesNotContain(TestOrganization.TEAMMATE);
        } finally {
            jdbc.sql("alter table outbox_message drop constraint if exists " + constraint).update();
        }

        // the cause is fixed: an operator sets the retries again (Cockpit: "Increment number of retries")
        engine.getManagementService().setJobRetries(job(key, teammate).getId(), 1);
        weeks.runDueJobs(key);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(teammate.getId()).count()).isZero();
        assertThat(reminders(key)).extracting(OutboxMessage::recipientId).contains(TestOrganization.TEAMMATE);
        assertThat(compliance.find(cycles.find(Cadence.WEEKLY_COMMIT, key).orElseThrow().id(), TestOrganization.TEAMMATE,
                ReportType.COMMIT).orElseThrow().remindedAt()).isNotNull();

        weeks.submitEmptyCommit(key, TestOrganization.TEAMMATE);
        assertThat(weeks.instance(SUBMISSION_KEY, key + ":" + TestOrganization.TEAMMATE)).as("the process carried on to its end").isNull();
    }

    @Test
    void a_commit_submitted_twice_is_stored_once_and_the_second_submission_gets_a_clear_error() {
        LocalDateTime sunday = LocalDateTime.of(2018, 1, 28, 8, 0);
        String key = weeks.open(sunday);
        Cycle cycle = cycles.find(Cadence.WEEKLY_COMMIT, key).orElseThrow();
        WeeklyCycles.setClock(sunday.plusHours(1));
        String path = "/api/cadence/cycles/" + cycle.id() + "/commit";
        Map<String, Object> body = Map.of("items", List.of(), "projectTracking", "Twice");

        assertThat(call(TestOrganization.REP, HttpMethod.POST, path, body).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> again = call(TestOrganization.REP, HttpMethod.POST, path, body);
        // a moment after the first: a conflict that says so (issue 13 item 7), not "no task"
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) again.getBody().get("error")).contains("was completed a moment ago").contains("nothing of this request was saved");
        assertThat(commitReports(cycle, TestOrganization.REP)).isEqualTo(1);
    }

    /**
     * The same task completed by two requests at once: the first holds its transaction open until the second
     * has started; the second waits for it, then loses (HTTP 409) and is rolled back; one report is stored.
     */
    @Test
    void the_same_commit_task_completed_twice_at_once_one_wins_and_the_other_gets_409() throws Exception {
        LocalDateTime sunday = LocalDateTime.of(2018, 2, 4, 8, 0);
        String key = weeks.open(sunday);
        Cycle cycle = cycles.find(Cadence.WEEKLY_COMMIT, key).orElseThrow();
        WeeklyCycles.setClock(sunday.plusHours(1));
        CountDownLatch firstCompleted = new CountDownLatch(1);
        CountDownLatch secondSent = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> transaction.executeWithoutResult(status -> {
                taskActions.complete(key + ":" + TestOrganization.TEAMMATE, TASK_SUBMIT_WEEKLY_COMMIT, TestOrganization.TEAMMATE,
                        Map.of(F_COMMIT_ITEMS, org.camunda.spin.Spin.JSON(List.of()), F_PROJECT_TRACKING, "First"));
                firstCompleted.countDown();
                await(secondSent);
                awaitBlockedSession(); // the second request now waits for this transaction's row lock
            }));
            await(firstCompleted);
            Future<ResponseEntity<Map<String, Object>>> second = pool.submit(() -> {
                secondSent.countDown();
                return call(TestOrganization.TEAMMATE, HttpMethod.POST, "/api/cadence/cycles/" + cycle.id() + "/commit",
                        Map.of("items", List.of(), "projectTracking", "Second"));
            });
            first.get(60, TimeUnit.SECONDS);
            ResponseEntity<Map<String, Object>> lost = second.get(60, TimeUnit.SECONDS);
            assertThat(lost.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            // the loser learns that the task was completed by the other request and that nothing of its own was kept
            assertThat((String) lost.getBody().get("error")).containsAnyOf("was completed by someone else or another request just now",
                    "was completed a moment ago", "Someone else changed this at the same time");
            assertThat((String) lost.getBody().get("error")).containsAnyOf("nothing of this request was saved", "nothing of your request was saved");
        } finally {
            pool.shutdownNow();
        }
        assertThat(commitReports(cycle, TestOrganization.TEAMMATE)).isEqualTo(1);
        assertThat(commits.report(cycle.id(), TestOrganization.TEAMMATE).orElseThrow().projectTracking()).isEqualTo("First");
        assertThat(compliance.find(cycle.id(), TestOrganization.TEAMMATE, ReportType.COMMIT).orElseThrow().status())
                .isEqualTo(SubmissionStatus.ON_TIME);
        assertThat(weeks.instance(SUBMISSION_KEY, key + ":" + TestOrganization.TEAMMATE)).isNull();
    }

    /**
     * "The same figure" is one person's commit in one manager's roll-up of one cycle. Adjustments are rows
     * appended one after the other; two sessions that change the figure at once are serialized on the
     * reports' rows. A roll-up submitted with its adjustments while another adjustment is being made waits for it,
     * then applies its own (the later one is the figure) and freezes it; a roll-up submitted meanwhile without
     * adjustments freezes the adjusted figure. (The single-adjustment API path is gone: the call's grid submits
     * its adjustments with the roll-up.)
     */
    @Test
    void an_adjustment_made_while_the_rollup_is_submitted_is_serialized_and_the_frozen_figure_keeps_the_last() throws Exception {
        Cycle cycle = commitCallOpen(LocalDateTime.of(2018, 2, 11, 8, 0));
        String rollup = "/api/cadence/cycles/" + cycle.id() + "/rollup";

        // the roll-up is submitted with an adjustment while another session adjusts the same figure: it waits, then
        // its own adjustment is the last and is frozen
        ResponseEntity<Map<String, Object>> submitted = whileHeld(
                () -> rollups.adjust(cycle.id(), TestOrganization.MANAGER, TestOrganization.REP, new java.math.BigDecimal("50000"),
                        java.math.BigDecimal.ZERO, "Board approved"),
                () -> call(TestOrganization.MANAGER, HttpMethod.POST, rollup, Map.of("notes", "Call held", "adjustments",
                        java.util.List.of(Map.of("personId", TestOrganization.REP, "commit", 70000, "upside", 0, "reason", "Last minute order")))));
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(adjustmentRows(cycle)).isEqualTo(2);
        assertThat(rollups.report(cycle.id(), TestOrganization.MANAGER).orElseThrow().commitAmount()).isEqualByComparingTo("70000");
        assertThat(jdbc.sql("select l.commit_amount from rollup_line l join rollup_report r on r.id = l.rollup_report_id "
                        + "where r.cycle_id = ? and r.manager_id = ? and l.person_id = ?")
                .params(cycle.id(), TestOrganization.MANAGER, TestOrganization.REP).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("70000");

        // after the submission, adjustments are closed
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rollups.adjust(cycle.id(), TestOrganization.MANAGER,
                        TestOrganization.REP, java.math.BigDecimal.ONE, java.math.BigDecimal.ZERO, "Too late"))
                .isInstanceOf(com.salescadence.common.ValidationException.class)
                .hasMessageContaining("already submitted; adjustments are closed");
        assertThat(adjustmentRows(cycle)).isEqualTo(2);
    }

    /** A roll-up submitted while an adjustment is being made waits for it and freezes the adjusted figure. */
    @Test
    void a_rollup_submitted_while_an_adjustment_is_being_made_freezes_the_adjusted_figure() throws Exception {
        Cycle cycle = commitCallOpen(LocalDateTime.of(2018, 3, 11, 8, 0));
        ResponseEntity<Map<String, Object>> submitted = whileHeld(
                () -> rollups.adjust(cycle.id(), TestOrganization.MANAGER, TestOrganization.REP, new java.math.BigDecimal("70000"),
                        java.math.BigDecimal.ZERO, "Last minute order"),
                () -> call(TestOrganization.MANAGER, HttpMethod.POST, "/api/cadence/cycles/" + cycle.id() + "/rollup",
                        Map.of("notes", "Call held")));
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rollups.report(cycle.id(), TestOrganization.MANAGER).orElseThrow().commitAmount()).isEqualByComparingTo("70000");
    }

    @Test
    void a_deal_named_like_a_script_is_mailed_as_plain_text_never_as_html() throws Exception {
        String name = "<script>alert(1)</script>";
        WeeklyCycles.setClock(LocalDateTime.of(2018, 2, 20, 10, 0));
        var account = TestOrganization.account(accounts, TestOrganization.REP);
        var lead = leads.create(new com.salescadence.pipeline.NewLead(account.id(), TestOrganization.REP, "Escaping test", "test",
                new java.math.BigDecimal("80000")));
        long dealId = leads.qualify(lead.id(), new com.salescadence.pipeline.Qualification(true, "Approved", "CIO", "Manual planning",
                "This month", null, name, new java.math.BigDecimal("80000"), java.time.LocalDate.of(2018, 3, 30))).opportunityId();
        var deal = opportunities.get(dealId);
        assertThat(deal.name()).as("stored as typed").isEqualTo(name);
        Map<String, String> evidence = new java.util.HashMap<>();
        opportunities.modelOf(deal).stage(deal.stageCode()).outcomes().forEach(o -> evidence.put(o.code(), "Confirmed by the CIO"));
        opportunities.recordStageWork(dealId, new com.salescadence.pipeline.StageWork(
                com.salescadence.pipeline.StageWork.Action.ADVANCE, evidence, null, null, null), TestOrganization.REP);

        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            deliverAll();
            MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(name))
                    .findFirst().orElseThrow();
            assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
            assertThat(mail.getSubject()).startsWith("Approve: " + name + " to ");
            assertThat((String) mail.getContent()).contains("'" + name + "'").doesNotContain("&lt;");
        } finally {
            smtp.stop();
        }
    }

    /** Runs {@code first} in a transaction held open until {@code second}, started meanwhile, waits for its locks. */
    private <T> T whileHeld(Runnable first, java.util.concurrent.Callable<T> second) throws Exception {
        CountDownLatch firstDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = pool.submit(() -> transaction.executeWithoutResult(status -> {
                first.run();
                firstDone.countDown();
                awaitBlockedSession();
            }));
            await(firstDone);
            Future<T> contender = pool.submit(second);
            holder.get(60, TimeUnit.SECONDS);
            return contender.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The week of that Sunday with the rep's (empty) commit in, at Monday 09:00 when the commit calls open. */
    private Cycle commitCallOpen(LocalDateTime sunday) {
        String key = weeks.open(sunday);
        WeeklyCycles.setClock(sunday.plusHours(1));
        weeks.submitEmptyCommit(key, TestOrganization.REP);
        WeeklyCycles.setClock(sunday.plusHours(25));
        weeks.runDueJobs(key);
        return cycles.find(Cadence.WEEKLY_COMMIT, key).orElseThrow();
    }

    private int adjustmentRows(Cycle cycle) {
        return jdbc.sql("select count(*) from commit_adjustment where cycle_id = ? and person_id = ?")
                .params(cycle.id(), TestOrganization.REP).query(Integer.class).single();
    }


    // ------------------------------------------------------------------ helpers

    private void deliverAll() {
        for (int run = 0; run < 20 && delivery.deliverDue() > 0; run++) {
            // until nothing more is due
        }
    }

    private List<OutboxMessage> reminders(String key) {
        List<OutboxMessage> found = new ArrayList<>();
        for (String rep : List.of(TestOrganization.REP, TestOrganization.TEAMMATE, TestOrganization.OTHER_REP)) {
            notifications.forRecipient(rep, 500).stream()
                    .filter(m -> m.kind() == NotificationKind.REPORT_REMINDER && m.subject().contains(key)).forEach(found::add);
        }
        return found;
    }

    private int commitReports(Cycle cycle, String rep) {
        return jdbc.sql("select count(*) from commit_report where cycle_id = ? and person_id = ?")
                .params(cycle.id(), rep).query(Integer.class).single();
    }

    private Job job(String id) {
        return engine.getManagementService().createJobQuery().jobId(id).singleResult();
    }

    private Job job(String key, ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).noRetriesLeft().singleResult();
    }

    private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, TestOrganization.PASSWORD);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a database session waits for a lock (H2: INFORMATION_SCHEMA.SESSIONS; PostgreSQL: pg_stat_activity). */
    private void awaitBlockedSession() {
        String sql = TestDatabase.postgres()
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                : "select count(*) from information_schema.sessions where blocker_id is not null";
        Awaitility.await("the second request waits for the first one's lock").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql(sql).query(Integer.class).single() > 0);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

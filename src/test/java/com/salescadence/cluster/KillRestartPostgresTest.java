package com.salescadence.cluster;

import org.awaitility.Awaitility;
import static com.salescadence.workflow.WeeklyCommitProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.salescadence.SalesCadenceApplication;
import com.salescadence.notification.NotificationKind;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.support.ApiClient;
import com.salescadence.support.DeliveredMail;
import com.salescadence.support.InProcessNode;
import com.salescadence.support.SalesHierarchy;
import com.salescadence.support.TestDatabase;
import com.salescadence.support.TestOrganization;

/**
 * The application is KILLED (SIGKILL, no shutdown) in the middle of a weekly cycle and started again on the
 * same PostgreSQL database: every due timer fires after the restart and none twice, no acknowledged
 * submission is lost, no mail goes out twice.
 *
 * <p>The application runs as a separate JVM ({@code java -cp <this classpath> SalesCadenceApplication}) on the
 * real clock. No clock is moved: the admin starts the cycle through the API with a cycle start 24 hours
 * minus {@link #DEADLINE_IN} ago, so every rep's reminder is already due and the submission deadline falls due
 * {@link #DEADLINE_IN} later, as real timers. 200 reps (created beforehand through the organization service
 * by a node in the test JVM) are reminded; half submit through the REST API at once, 80 more from a second
 * before the deadline on, 20 never; as soon as the first deadline timer has fired, the process is killed while
 * the other deadline jobs are due or running and reps are submitting. A submission cut off by the kill must have
 * been stored whole or not at all; the rep submits again after the restart. The restarted process fires the
 * deadline timers still due (those the dead process had locked once their lock,
 * {@code camunda.bpm.job-execution.lock-time-in-millis}, has run out).
 *
 * <p>Mail is delivered at least once: a process killed after the SMTP server accepted a mail and before the
 * outbox recorded it as SENT mails it again once the claim is stale (the X-Cadence-Outbox-Id header lets a
 * receiver drop the copy). That window is outside what this test checks: the process is frozen (SIGSTOP) before
 * the kill, and killed only at a moment when no outbox message is being sent.
 */
class KillRestartPostgresTest {

    private static final Duration DEADLINE_IN = Duration.ofSeconds(50);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String ADMIN = "c.admin";
    private static final String COMMIT = "{\"items\": [], \"projectTracking\": \"Before the crash\"}";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Submissions that lost a race with a deadline job (HTTP 409) and were sent again. */
    private static final AtomicInteger CONFLICTS = new AtomicInteger();

    private final List<Process> children = new ArrayList<>();

    @Test
    void killed_in_the_middle_of_a_cycle_and_restarted_every_due_timer_fires_once_and_nothing_is_lost() throws Exception {
        assumeTrue(TestDatabase.postgres(), "the kill-and-restart test needs PostgreSQL (CADENCE_TEST_POSTGRES_URL, profile postgres-tests)");
        long started = System.nanoTime();
        String url = TestDatabase.freshDatabase("killrestart");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, TestDatabase.user(), TestDatabase.password()));
        SalesHierarchy org;
        try (InProcessNode setup = InProcessNode.start("kill-setup", Map.of("spring.datasource.url", url,
                "spring.datasource.username", TestDatabase.user(), "spring.datasource.password", TestDatabase.password(),
                "spring.datasource.hikari.maximum-pool-size", "3", "server.port", "0", "camunda.bpm.process-engine-name", "killSetup",
                "camunda.bpm.job-execution.enabled", "false", "logging.level.root", "WARN"))) {
            OrganizationAdministration administration = setup.bean(OrganizationAdministration.class);
            org = SalesHierarchy.create(administration, 200, 8, 5);
            administration.add(new Person(ADMIN, "Ada Admin", ADMIN + "@cluster.test", Role.ADMIN, null, null), TestOrganization.PASSWORD);
        }
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        try {
            ApiClient run1 = startChild("run-1", url, smtpPort);
            long firstUp = System.nanoTime();

            // the cycle started 24 h - DEADLINE_IN ago: reminders are due now, the deadline in DEADLINE_IN
            LocalDateTime cycleStart = LocalDateTime.now(ZONE).minusHours(24).plus(DEADLINE_IN).truncatedTo(ChronoUnit.SECONDS);
            HttpResponse<String> start = run1.post(ADMIN, "/api/cadence/weekly-commit/start", "{\"cycleStart\": \"" + cycleStart + "\"}");
            assertThat(start.statusCode()).as(start.body()).isEqualTo(201);
            await("every rep reminded", () -> count(jdbc, "select count(*) from act_hi_actinst where act_id_ = '"
                    + TIMER_COMMIT_REMINDER + "'") == 200);
            long cycleId = count(jdbc, "select id from cadence_cycle");
            String cycleKey = jdbc.sql("select cycle_key from cadence_cycle").query(String.class).single();

            // 100 reps submit at once, 8 at a time; from 1 s before the deadline 80 more submit, two at a time, one
            // request every 150 ms each, until the crash cuts them off; 20 never submit
            List<String> first = org.reps().stream().filter(r -> number(r) % 2 == 1).toList();
            Queue<String> during = new ConcurrentLinkedQueue<>(org.reps().stream().filter(r -> number(r) % 2 == 0 && number(r) % 10 != 0).toList());
            String path = "/api/cadence/cycles/" + cycleId + "/commit";
            Instant deadline = cycleStart.plusHours(24).atZone(ZONE).toInstant();
            ExecutorService reps = Executors.newFixedThreadPool(10);
            List<Future<?>> submissions = new ArrayList<>();
            first.forEach(rep -> submissions.add(reps.submit(() -> submit(run1, rep, path, acknowledged, unanswered))));
            for (int worker = 0; worker < 2; worker++) {
                submissions.add(reps.submit(() -> {
                    awaitClock(deadline.minusSeconds(1));
                    for (String rep = during.poll(); rep != null; rep = during.poll()) {
                        submit(run1, rep, path, acknowledged, unanswered);
                        awaitClock(Instant.now().plusMillis(150)); // spread over the seconds around the deadline
                    }
                    return null;
                }));
            }

            // kill the process as soon as the first deadline has fired, while the others are due or running
            await("the first deadline fired", () -> deadlinesFired(jdbc) > 0);
            KillMoment kill = killWhileNoMailIsInFlight(children.get(0), jdbc);
            for (Future<?> submission : submissions) {
                submission.get(60, TimeUnit.SECONDS);
            }
            reps.shutdown();
            assertThat(kill.deadlineJobsLeft()).as("deadline timers still due or running when the process was killed").isPositive();
            int acknowledgedBeforeKill = acknowledged.size();

            // restart on the same database
            ApiClient run2 = startChild("run-2", url, smtpPort);
            long secondUp = System.nanoTime();
            await("every due job run and every mail sent after the restart", () -> dueJobs(jdbc) == 0
                    && count(jdbc, "select count(*) from outbox_message where status in ('PENDING', 'SENDING')") == 0);

            // a submission the crash cut off either was stored whole (its task is done) or not at all (the task is open)
            int resubmitted = 0;
            for (String rep : unanswered) {
                boolean stored = count(jdbc, "select count(*) from commit_report where cycle_id = " + cycleId + " and person_id = '" + rep + "'") == 1;
                boolean open = count(jdbc, "select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_ "
                        + "where t.task_def_key_ = '" + TASK_SUBMIT_WEEKLY_COMMIT + "' and p.business_key_ = '" + cycleKey + ":" + rep + "'") == 1;
                assertThat(open).as(rep + ": the commit task is open exactly when the commit was not stored").isEqualTo(!stored);
                HttpResponse<String> again = run2.post(rep, path, COMMIT);
                // stored already: 409 "completed a moment ago" while that was recent (issue 13 item 7), 404 "no open task" later
                if (stored) {
                    assertThat(again.statusCode()).as(rep + " submits again after the restart: " + again.body()).isIn(404, 409);
                } else {
                    assertThat(again.statusCode()).as(rep + " submits again after the restart: " + again.body()).isEqualTo(200);
                }
                if (again.statusCode() == 200) {
                    acknowledged.add(rep);
                    resubmitted++;
                }
            }
            await("the outbox mailed after the resubmissions", () -> dueJobs(jdbc) == 0
                    && count(jdbc, "select count(*) from outbox_message where status in ('PENDING', 'SENDING')") == 0);

            // no acknowledged submission lost; each stored once
            Map<String, String> status = new TreeMap<>();
            Set<String> pastDeadline = ConcurrentHashMap.newKeySet(); // the deadline found the report missing
            jdbc.sql("select person_id, status, missed_at from report_submission where cycle_id = ? and report_type = 'COMMIT'")
                    .param(cycleId).query(rs -> {
                        status.put(rs.getString(1), rs.getString(2));
                        if (rs.getTimestamp(3) != null) {
                            pastDeadline.add(rs.getString(1));
                        }
                    });
            Set<String> stored = Set.copyOf(jdbc.sql("select person_id from commit_report where cycle_id = ?").param(cycleId)
                    .query(String.class).list());
            assertThat(stored).as("every acknowledged submission is stored").containsAll(acknowledged);
            assertThat(count(jdbc, "select count(*) from commit_report where cycle_id = " + cycleId)).isEqualTo(stored.size());
            org.reps().forEach(rep -> {
                if (stored.contains(rep)) {
                    assertThat(status.get(rep)).as(rep).isIn("ON_TIME", "LATE");
                } else {
                    assertThat(status.get(rep)).as(rep + ", who did not submit").isEqualTo("MISSED");
                }
            });

            // every due timer fired once: the reminder for every rep, the deadline for every rep who had not submitted
            // when it ran (MISSED, or LATE after it; a rep who submitted after the due time but before the job ran is
            // LATE without it)
            Map<String, Integer> reminders = timerFired(jdbc, TIMER_COMMIT_REMINDER);
            Map<String, Integer> deadlines = timerFired(jdbc, TIMER_SUBMISSION_DEADLINE);
            Map<String, Integer> expectedDeadlines = new TreeMap<>();
            Map<String, Integer> expectedReminders = new TreeMap<>();
            org.reps().forEach(rep -> {
                expectedReminders.put(cycleKey + ":" + rep, 1);
                if (pastDeadline.contains(rep)) {
                    expectedDeadlines.put(cycleKey + ":" + rep, 1);
                }
            });
            assertThat(reminders).isEqualTo(expectedReminders);
            assertThat(deadlines).isEqualTo(expectedDeadlines);
            assertThat(count(jdbc, "select count(*) from act_hi_taskinst where task_def_key_ = '" + TASK_SUBMIT_WEEKLY_COMMIT + "'"))
                    .as("one commit task per rep, never created again").isEqualTo(200);
            assertThat(count(jdbc, "select count(*) from act_ru_incident")).as("incidents").isZero();
            assertThat(count(jdbc, "select count(*) from act_ru_job where exception_msg_ is not null")).as("failed jobs").isZero();

            // every mail once: a reminder per rep, a missing-commit mail to the manager per rep past the deadline
            Map<String, Integer> expectedMail = new TreeMap<>();
            org.reps().forEach(rep -> expectedMail.put(rep + " " + NotificationKind.REPORT_REMINDER, 1));
            expectedDeadlines.keySet().forEach(key -> expectedMail.merge(
                    org.managerOfRep(key.substring(key.indexOf(':') + 1)) + " " + NotificationKind.REPORT_MISSING, 1, Integer::sum));
            DeliveredMail mail = DeliveredMail.of(smtp.getReceivedMessages(), jdbc);
            assertThat(mail.duplicates()).as("outbox messages mailed twice").isEmpty();
            assertThat(mail.perRecipientAndKind()).isEqualTo(expectedMail);
            assertThat(count(jdbc, "select count(*) from outbox_message where status <> 'SENT'")).isZero();

            System.out.printf("KillRestartPostgresTest: killed with %d of %d deadline timers fired, %d due or running (%d locked by "
                            + "the dead process), %d mails sent; %d submissions acknowledged before the kill, %d got no answer (sent "
                            + "as or after it died; %d of them resubmitted after the restart, the others had been stored), %d "
                            + "answered 409 and were sent again; in the end %d deadlines fired, %d commits stored (%d late), %d "
                            + "mails; setup and first run up in %d s, killed %d s later, restart up in %d s, whole test %d s%n",
                    kill.deadlinesFired(), expectedDeadlines.size(), kill.deadlineJobsLeft(), kill.lockedJobs(), kill.mailsSent(),
                    acknowledgedBeforeKill, unanswered.size(), resubmitted, CONFLICTS.get(), deadlines.size(), stored.size(),
                    status.values().stream().filter("LATE"::equals).count(), mail.received(),
                    seconds(started, firstUp), seconds(firstUp, kill.at()), seconds(kill.at(), secondUp), seconds(started, System.nanoTime()));
        } finally {
            for (Process child : children) {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            smtp.stop();
        }
    }

    // ------------------------------------------------------------------ the child process

    /** Starts the application as a JVM of its own on the database and waits until it is up; returns its API. */
    private ApiClient startChild(String name, String url, int smtpPort) throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai",
                "-cp", System.getProperty("java.class.path"), SalesCadenceApplication.class.getName(),
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--spring.datasource.hikari.maximum-pool-size=6",
                "--server.port=" + port,
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                // a job the killed process had locked is taken up again after this (default 5 minutes)
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--cadence.notification.delivery-interval=PT0.5S",
                "--cadence.notification.initial-delay=PT0.5S",
                "--spring.main.banner-mode=off"));
        Path log = Path.of("target", "kill-restart", name + ".log");
        Files.createDirectories(log.getParent());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(child);
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        await(name + " up (log: " + log.toAbsolutePath() + ")", () -> {
            if (!child.isAlive()) {
                fail(name + " ended with exit code " + child.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                return api.get(null, "/actuator/health/liveness").statusCode() == 200;
            } catch (IOException e) {
                return false; // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return api;
    }

    private record KillMoment(long at, long deadlinesFired, long deadlineJobsLeft, long lockedJobs, long mailsSent) {
    }

    /**
     * Freezes the process (SIGSTOP) and, when no outbox message is between its claim and its SENT mark (a mail
     * accepted by the SMTP server at the kill would rightly be sent again: at least once), kills it (SIGKILL via
     * destroyForcibly); otherwise lets it run a moment and tries again.
     */
    private static KillMoment killWhileNoMailIsInFlight(Process process, JdbcClient jdbc) throws Exception {
        for (int attempt = 0; attempt < 500; attempt++) {
            signal(process, "-STOP");
            if (count(jdbc, "select count(*) from outbox_message where status = 'SENDING'") == 0) {
                KillMoment moment = new KillMoment(System.nanoTime(), deadlinesFired(jdbc),
                        count(jdbc, "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = '"
                                + TIMER_SUBMISSION_DEADLINE + "'"),
                        count(jdbc, "select count(*) from act_ru_job where lock_owner_ is not null"),
                        count(jdbc, "select count(*) from outbox_message where status = 'SENT'"));
                process.destroyForcibly();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
                return moment;
            }
            signal(process, "-CONT");
            Thread.sleep(5);
        }
        throw new AssertionError("an outbox message was always being sent");
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill " + signal + " " + process.pid()).isTrue();
    }

    // ------------------------------------------------------------------ submissions

    /**
     * One rep submits; 2xx is an acknowledged submission, no answer (the process died) is remembered. A 409 (the
     * deadline timer changed the rep's process instance at the same moment; nothing was saved) is tried again,
     * as the rep would.
     */
    private static void submit(ApiClient api, String rep, String path, Set<String> acknowledged, Set<String> unanswered) {
        try {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = api.post(rep, path, COMMIT);
                if (response.statusCode() / 100 == 2) {
                    acknowledged.add(rep);
                    return;
                }
                if (response.statusCode() != 409 || attempt == 3) {
                    throw new AssertionError(rep + ": " + response.statusCode() + " " + response.body());
                }
                CONFLICTS.incrementAndGet();
            }
        } catch (IOException e) {
            unanswered.add(rep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ what the database says

    private static long deadlinesFired(JdbcClient jdbc) {
        return count(jdbc, "select count(*) from act_hi_actinst where act_id_ = '" + TIMER_SUBMISSION_DEADLINE + "'");
    }

    /** Jobs of the weekly cadence that are due now (by the database's clock, which is the real one here). */
    private static long dueJobs(JdbcClient jdbc) {
        return count(jdbc, "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= localtimestamp) "
                + "and process_def_key_ in ('" + KEY + "', '" + SUBMISSION_KEY + "', '" + ROLLUP_KEY + "')");
    }

    private static Map<String, Integer> timerFired(JdbcClient jdbc, String timer) {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.sql("select p.business_key_, count(*) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_ "
                        + "where a.act_id_ = ? group by p.business_key_").param(timer)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }

    /** Paces the submitters by the real clock (the child's timers run on it). */
    private static void awaitClock(Instant time) throws InterruptedException {
        while (Instant.now().isBefore(time)) {
            Thread.sleep(20);
        }
    }

    private static long seconds(long from, long to) {
        return Duration.ofNanos(to - from).toSeconds();
    }

    private static int number(String login) {
        return Integer.parseInt(login.replaceAll("\\D", ""));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

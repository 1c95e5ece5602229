package com.salescadence.cluster;

import static com.salescadence.workflow.WeeklyCommitProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.salescadence.workflow.MeetingProcess;
import com.salescadence.notification.Channel;
import com.salescadence.notification.ChatChannels;
import com.salescadence.notification.DeliveryPreference;
import com.salescadence.notification.NotificationKind;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.support.ChatRobotServer;
import com.salescadence.support.DeliveredMail;
import com.salescadence.support.InProcessNode;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.SalesHierarchy;
import com.salescadence.support.TestDatabase;

/**
 * Two application nodes on ONE PostgreSQL database, each with its own job executor and mail delivery, run a
 * whole weekly cycle for 200 reps (25 first-line managers of 8 reps, 5 second-line managers, a leader): the
 * Sunday timer fires once, every rep gets one task, reps and managers submit concurrently through both nodes'
 * REST APIs, every reminder, deadline, the Monday call and each roll-up day fire once, every mail is sent
 * once and no submission is lost; the Monday calls' calendar invites are mailed once to each manager and rep, and two
 * teams' chat robots (DingTalk, Feishu) and the second-line teams' (WeCom), on a local HTTP server, get each post of
 * their people once. Time moves by the engine's clock ({@link ClockUtil} is one per JVM, so both
 * nodes see the same time); the test then waits, by polling the job table with a timeout, until the two job
 * executors have run every due job and the outbox is empty.
 *
 * <p>PostgreSQL only (CI runs it in the postgres-tests profile); skipped on H2.
 */
class ClusterPostgresTest {

    private static final LocalDateTime SUNDAY = LocalDateTime.of(2027, 3, 14, 8, 0); // a week without month or quarter start
    private static final List<String> KEYS = List.of(KEY, SUBMISSION_KEY, ROLLUP_KEY);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);
    private static final String COMMIT = "{\"items\": [], \"projectTracking\": \"On track\"}";
    private static final String ROLLUP = "{\"notes\": \"Call held\"}";

    @Test
    void two_nodes_run_a_week_of_200_reps_every_timer_fires_once_every_mail_goes_once_no_submission_is_lost() throws Exception {
        assumeTrue(TestDatabase.postgres(), "the cluster test needs PostgreSQL (CADENCE_TEST_POSTGRES_URL, profile postgres-tests)");
        long started = System.nanoTime();
        String url = TestDatabase.freshDatabase("cluster");
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        ChatRobotServer robots = ChatRobotServer.start();
        robots.answer("/robot/send", new ChatRobotServer.Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
        robots.answer("/open-apis/bot/v2/hook/team2", new ChatRobotServer.Answer(200, "{\"code\":0,\"msg\":\"success\"}"));
        robots.answer("/cgi-bin/webhook/send", new ChatRobotServer.Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
        ProcessDriver.setClock(SUNDAY.minusHours(20)); // Saturday noon: the Sunday timer is scheduled for tomorrow 08:00
        try (InProcessNode a = InProcessNode.start("node-a", settings("node-a", url, smtpPort));
             InProcessNode b = InProcessNode.start("node-b", settings("node-b", url, smtpPort))) {
            long nodesUp = System.nanoTime();
            List<InProcessNode> nodes = List.of(a, b);
            JdbcClient jdbc = a.bean(JdbcClient.class);
            ManagementService management = a.bean(ManagementService.class);
            SalesHierarchy org = SalesHierarchy.create(a.bean(OrganizationAdministration.class), 200, 8, 5);
            List<String> reps = org.reps();

            // two teams have a robot; their reps chose chat (team 1) or mail and chat (team 2)
            ChatChannels chat = a.bean(ChatChannels.class);
            java.time.Instant now = java.time.Instant.now();
            chat.save(org.firstLine().get(0), Channel.DINGTALK, robots.url("/robot/send?access_token=t1"), "SECt1", false, "t.admin", now);
            chat.save(org.firstLine().get(1), Channel.FEISHU, robots.url("/open-apis/bot/v2/hook/team2"), "s2", false, "t.admin", now);
            List<String> chatting = reps.stream().filter(r -> List.of(org.firstLine().get(0), org.firstLine().get(1))
                    .contains(org.managerOfRep(r))).toList();
            chatting.forEach(r -> chat.setPreference(r, org.managerOfRep(r).equals(org.firstLine().get(0))
                    ? DeliveryPreference.CHAT : DeliveryPreference.BOTH, r, now));
            // every second-line team has a WeCom robot; every first-line manager is told by mail and in it
            org.secondLine().forEach(m -> chat.save(m, Channel.WECOM, robots.url("/cgi-bin/webhook/send?key=" + m), null, false, "t.admin", now));
            org.firstLine().forEach(m -> chat.setPreference(m, DeliveryPreference.BOTH, m, now));

            // the meeting rhythm is held for this week: its 1:1s would add eight invites, and reminders and escalations of
            // 1:1s not held, to every manager's mail and chat, which this test counts for the weekly commit's week
            // (MeetingProcessTest covers the meetings; their notifications go through the same outbox)
            management.suspendJobDefinitionByProcessDefinitionKey(MeetingProcess.KEY, true);

            // who does what this week
            List<String> early = reps.stream().filter(r -> number(r) % 4 != 0).toList();            // 150, before the reminder
            List<String> afterReminder = reps.stream().filter(r -> number(r) % 4 == 0 && number(r) % 20 != 0).toList(); // 40
            List<String> missing = reps.stream().filter(r -> number(r) % 20 == 0).toList();         // 10 miss the deadline
            List<String> late = missing.stream().filter(r -> number(r) % 40 == 0).toList();        // 5 of them submit late
            List<String> firstLineSubmitting = org.firstLine().stream().filter(m -> number(m) % 8 != 0).toList(); // 22 of 25
            List<String> firstLineMissing = org.firstLine().stream().filter(m -> number(m) % 8 == 0).toList();
            List<String> secondLineSubmitting = org.secondLine().subList(0, org.secondLine().size() - 1);           // 4 of 5
            String secondLineMissing = org.secondLine().get(org.secondLine().size() - 1);

            // Sunday 08:00: the cron timer opens the cycle; every rep is asked, in batches run by both executors
            clock(SUNDAY, management, jdbc, "Sunday 08:00");
            assertThat(count(jdbc, "select count(*) from cadence_cycle where cadence = 'WEEKLY_COMMIT'")).as("cycles").isEqualTo(1);
            long cycleId = count(jdbc, "select id from cadence_cycle");
            String cycleKey = jdbc.sql("select cycle_key from cadence_cycle").query(String.class).single();
            assertThat(perBusinessKey(jdbc, "select p.business_key_ as k, count(*) as n from act_ru_task t "
                    + "join act_ru_execution p on p.id_ = t.proc_inst_id_ where t.task_def_key_ = '" + TASK_SUBMIT_WEEKLY_COMMIT + "' "
                    + "group by p.business_key_"))
                    .as("one Submit weekly commit task per rep").hasSize(200).allSatisfy((key, n) -> assertThat(n).isEqualTo(1));

            clock(SUNDAY.plusHours(2), management, jdbc, "Sunday 10:00");
            submit(nodes, early, r -> "/api/cadence/cycles/" + cycleId + "/commit", COMMIT);
            clock(SUNDAY.plusHours(12), management, jdbc, "Sunday 20:00, reminders");
            clock(SUNDAY.plusHours(13), management, jdbc, "Sunday 21:00");
            submit(nodes, afterReminder, r -> "/api/cadence/cycles/" + cycleId + "/commit", COMMIT);
            clock(SUNDAY.plusHours(24), management, jdbc, "Monday 08:00, deadline");
            clock(SUNDAY.plusHours(24).plusMinutes(30), management, jdbc, "Monday 08:30");
            submit(nodes, late, r -> "/api/cadence/cycles/" + cycleId + "/commit", COMMIT);
            clock(SUNDAY.plusHours(25), management, jdbc, "Monday 09:00, commit calls");
            clock(SUNDAY.plusHours(28), management, jdbc, "Monday 12:00");
            submit(nodes, firstLineSubmitting, m -> "/api/cadence/cycles/" + cycleId + "/rollup", ROLLUP);
            clock(SUNDAY.plusHours(48), management, jdbc, "Tuesday 08:00, roll-up deadline of the first line");
            clock(SUNDAY.plusHours(49), management, jdbc, "Tuesday 09:00, second line");
            clock(SUNDAY.plusHours(52), management, jdbc, "Tuesday 12:00");
            submit(nodes, secondLineSubmitting, m -> "/api/cadence/cycles/" + cycleId + "/rollup", ROLLUP);
            clock(SUNDAY.plusHours(72), management, jdbc, "Wednesday 08:00, roll-up deadline of the second line");
            clock(SUNDAY.plusHours(73), management, jdbc, "Wednesday 09:00, the leader");
            clock(SUNDAY.plusHours(76), management, jdbc, "Wednesday 12:00");
            submit(nodes, List.of(org.leader()), m -> "/api/cadence/cycles/" + cycleId + "/rollup", ROLLUP);
            clock(SUNDAY.plusHours(96), management, jdbc, "Thursday 08:00");

            // every timer fired once, and only where it was due
            assertThat(count(jdbc, "select count(*) from act_hi_actinst where act_id_ = 'Start_WeeklyCommitDue'")).as("Sunday timer").isEqualTo(1);
            assertThat(management.createJobQuery().processDefinitionKey(KEY).timers().singleResult().getDuedate())
                    .as("the next Sunday's timer").isEqualTo(ProcessDriver.date(SUNDAY.plusDays(7)));
            assertThat(timerFired(jdbc, TIMER_COMMIT_REMINDER)).as("reminders").isEqualTo(once(keysOf(cycleKey, both(afterReminder, missing))));
            assertThat(timerFired(jdbc, TIMER_SUBMISSION_DEADLINE)).as("deadlines").isEqualTo(once(keysOf(cycleKey, missing)));
            assertThat(timerFired(jdbc, TIMER_COMMIT_CALL_DUE)).as("Monday call").isEqualTo(Map.of(cycleKey, 1));
            assertThat(count(jdbc, "select count(*) from act_hi_actinst where act_id_ = '" + TIMER_NEXT_ROLLUP_DAY + "'"))
                    .as("roll-up days (Tuesday, Wednesday)").isEqualTo(2);
            List<String> rollupMissing = new ArrayList<>(firstLineMissing);
            rollupMissing.add(secondLineMissing);
            assertThat(timerFired(jdbc, TIMER_ROLLUP_DEADLINE)).as("roll-up deadlines")
                    .isEqualTo(once(rollupMissing.stream().map(m -> cycleKey + ":" + m).toList()));
            assertThat(count(jdbc, "select count(*) from act_hi_procinst where proc_def_key_ = '" + SUBMISSION_KEY + "'")).isEqualTo(200);
            assertThat(count(jdbc, "select count(*) from act_hi_procinst where proc_def_key_ = '" + ROLLUP_KEY + "'")).isEqualTo(31);
            assertThat(count(jdbc, "select count(*) from act_ru_incident")).as("incidents").isZero();

            // no submission lost
            int submittedCommits = early.size() + afterReminder.size() + late.size();
            assertThat(count(jdbc, "select count(*) from commit_report where cycle_id = " + cycleId)).as("commit reports").isEqualTo(submittedCommits);
            assertThat(statuses(jdbc, "COMMIT")).isEqualTo(Map.of("ON_TIME", early.size() + afterReminder.size(), "LATE", late.size(),
                    "MISSED", missing.size() - late.size()));
            assertThat(count(jdbc, "select count(*) from rollup_report where cycle_id = " + cycleId))
                    .as("roll-ups").isEqualTo(firstLineSubmitting.size() + secondLineSubmitting.size() + 1);
            assertThat(statuses(jdbc, "ROLLUP")).isEqualTo(Map.of("ON_TIME", firstLineSubmitting.size() + secondLineSubmitting.size() + 1,
                    "MISSED", rollupMissing.size()));

            // every reminder and escalation mailed once (to who chose chat only: posted instead), every call's invite mailed once
            Map<String, Integer> expected = new TreeMap<>();
            Map<String, Integer> expectedPosts = new TreeMap<>();
            both(afterReminder, missing).forEach(r -> {
                if (!chatting.contains(r) || org.managerOfRep(r).equals(org.firstLine().get(1))) {
                    expected.merge(r + " " + NotificationKind.REPORT_REMINDER, 1, Integer::sum);
                }
                if (chatting.contains(r)) {
                    expectedPosts.merge(r + " " + NotificationKind.REPORT_REMINDER, 1, Integer::sum);
                }
            });
            missing.forEach(r -> expectedPosts.merge(org.managerOfRep(r) + " " + NotificationKind.REPORT_MISSING, 1, Integer::sum));
            org.firstLine().forEach(m -> expectedPosts.merge(m + " " + NotificationKind.CALL_READY, 1, Integer::sum));
            reps.forEach(r -> expected.merge(r + " " + NotificationKind.MEETING_INVITE, 1, Integer::sum));
            org.firstLine().forEach(m -> expected.merge(m + " " + NotificationKind.MEETING_INVITE, 1, Integer::sum));
            missing.forEach(r -> expected.merge(org.managerOfRep(r) + " " + NotificationKind.REPORT_MISSING, 1, Integer::sum));
            firstLineMissing.forEach(m -> expected.merge(org.managerOfFirstLine(m) + " " + NotificationKind.REPORT_MISSING, 1, Integer::sum));
            expected.merge(org.leader() + " " + NotificationKind.REPORT_MISSING, 1, Integer::sum);
            org.firstLine().forEach(m -> expected.merge(m + " " + NotificationKind.CALL_READY, 1, Integer::sum));
            org.secondLine().forEach(m -> expected.merge(m + " " + NotificationKind.CALL_READY, 1, Integer::sum));
            expected.merge(org.leader() + " " + NotificationKind.CALL_READY, 1, Integer::sum);
            DeliveredMail mail = DeliveredMail.of(smtp.getReceivedMessages(), jdbc);
            assertThat(mail.duplicates()).as("outbox messages mailed twice").isEmpty();
            assertThat(mail.perRecipientAndKind()).isEqualTo(expected);
            assertThat(count(jdbc, "select count(*) from outbox_message where status <> 'SENT'")).isZero();

            // every chat post received once by its robot
            Map<Long, Integer> postsPerRow = new TreeMap<>();
            robots.received().forEach(r -> postsPerRow.merge(Long.parseLong(r.outboxId()), 1, Integer::sum));
            assertThat(postsPerRow).as("chat posts per outbox row").allSatisfy((id, n) -> assertThat(n).as("row " + id).isEqualTo(1));
            Map<String, Integer> posts = new TreeMap<>();
            jdbc.sql("select id, recipient_id, kind from outbox_message where channel <> 'MAIL'").query((rs, n) -> {
                assertThat(postsPerRow).as("chat row " + rs.getLong(1) + " posted").containsKey(rs.getLong(1));
                return posts.merge(rs.getString(2) + " " + rs.getString(3), 1, Integer::sum);
            }).list();
            assertThat(expectedPosts).as("posts this week").isNotEmpty();
            assertThat(posts).isEqualTo(expectedPosts);
            assertThat(postsPerRow).hasSize(expectedPosts.values().stream().mapToInt(Integer::intValue).sum());

            Map<String, Long> jobsPerNode = new TreeMap<>();
            jdbc.sql("select hostname_, count(*) as n from act_hi_job_log where job_state_ = 2 group by hostname_")
                    .query((rs, n) -> jobsPerNode.put(rs.getString(1), rs.getLong(2))).list();
            long failedJobs = count(jdbc, "select count(*) from act_hi_job_log where job_state_ = 1");
            assertThat(jobsPerNode).as("both job executors worked").containsOnlyKeys("node-a", "node-b");
            System.out.printf("ClusterPostgresTest: %d people, %d commits (%d late), %d roll-ups, %d mails to %d recipient/kinds, "
                            + "%d chat posts; "
                            + "jobs run per node %s, failed job attempts %d; nodes up in %d s, whole test %d s%n",
                    org.people(), submittedCommits, late.size(), firstLineSubmitting.size() + secondLineSubmitting.size() + 1,
                    mail.received(), expected.size(), postsPerRow.size(), jobsPerNode, failedJobs,
                    Duration.ofNanos(nodesUp - started).toSeconds(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
        } finally {
            smtp.stop();
            robots.close();
            ClockUtil.reset();
        }
    }

    // ------------------------------------------------------------------ the nodes

    private static Map<String, String> settings(String node, String url, int smtpPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", url);
        settings.put("spring.datasource.username", TestDatabase.user());
        settings.put("spring.datasource.password", TestDatabase.password());
        settings.put("spring.datasource.hikari.maximum-pool-size", "8");
        settings.put("server.port", "0");
        settings.put("spring.main.banner-mode", "off");
        // its own engine name in this JVM; its own host name in the job log (which node ran a job)
        settings.put("camunda.bpm.process-engine-name", node.replace("-", "")); // Camunda refuses hyphens in engine names
        settings.put("camunda.bpm.generic-properties.properties.hostname", node);
        settings.put("camunda.bpm.job-execution.enabled", "true");
        settings.put("camunda.bpm.job-execution.wait-time-in-millis", "100");
        settings.put("camunda.bpm.job-execution.max-wait", "500");
        settings.put("cadence.weekly-commit.batch-size", "50"); // 4 batches of reps: several jobs for the two executors
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", Integer.toString(smtpPort));
        settings.put("cadence.notification.delivery-interval", "PT0.2S");
        settings.put("cadence.notification.initial-delay", "PT0.2S");
        settings.put("cadence.notification.batch-size", "10"); // small batches: the two nodes' runs overlap
        settings.put("logging.level.root", "WARN");
        return settings;
    }

    /**
     * Sets the engine clock (both nodes read it) and waits until the two job executors have run every due job of
     * the weekly cadence and the two delivery jobs have mailed the outbox; fails on a job that failed.
     */
    private static void clock(LocalDateTime time, ManagementService management, JdbcClient jdbc, String step) {
        ProcessDriver.setClock(time);
        await(step + ": every due job executed and every mail sent").atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    assertThat(KEYS.stream().mapToLong(k -> management.createJobQuery().processDefinitionKey(k).executable().count()).sum())
                            .as("due jobs").isZero();
                    assertThat(count(jdbc, "select count(*) from outbox_message where status in ('PENDING', 'SENDING')"))
                            .as("mails waiting").isZero();
                });
        assertThat(management.createJobQuery().withException().list()).as(step + ": failed jobs").isEmpty();
    }

    /** Each person posts to the path, concurrently, alternating between the nodes; every call must succeed. */
    private static void submit(List<InProcessNode> nodes, List<String> people, Function<String, String> path, String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> calls = IntStream.range(0, people.size())
                    .mapToObj(i -> pool.submit(() -> nodes.get(i % nodes.size()).api().post(people.get(i), path.apply(people.get(i)), body)))
                    .toList();
            for (int i = 0; i < calls.size(); i++) {
                HttpResponse<String> response = calls.get(i).get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(people.get(i) + " via " + nodes.get(i % nodes.size()).name() + ": " + response.body())
                        .isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ what the database says

    /** How often the timer fired, per business key of its process instance. */
    private static Map<String, Integer> timerFired(JdbcClient jdbc, String timer) {
        return perBusinessKey(jdbc, "select p.business_key_ as k, count(*) as n from act_hi_actinst a "
                + "join act_hi_procinst p on p.id_ = a.proc_inst_id_ where a.act_id_ = '" + timer + "' group by p.business_key_");
    }

    private static Map<String, Integer> perBusinessKey(JdbcClient jdbc, String sql) {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.sql(sql).query((rs, n) -> counts.put(rs.getString("k"), rs.getInt("n"))).list();
        return counts;
    }

    private static Map<String, Integer> statuses(JdbcClient jdbc, String reportType) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select status, count(*) from report_submission where report_type = ? group by status").param(reportType)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static Map<String, Integer> once(List<String> keys) {
        Map<String, Integer> counts = new TreeMap<>();
        keys.forEach(k -> counts.put(k, 1));
        return counts;
    }

    private static List<String> keysOf(String cycleKey, List<String> people) {
        return people.stream().map(r -> cycleKey + ":" + r).toList();
    }

    private static List<String> both(List<String> some, List<String> others) {
        List<String> all = new ArrayList<>(some);
        all.addAll(others);
        return all;
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

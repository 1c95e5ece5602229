package com.salescadence.bench;

import static com.salescadence.bench.BenchEngine.seconds;
import static com.salescadence.workflow.WeeklyCommitProcess.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleClock;
import com.salescadence.cadence.CycleKeys;
import com.salescadence.cadence.CycleService;
import com.salescadence.organization.OrganizationAdministration;

/**
 * Issue 15 item 4, the Monday deadline storm: N reps of whom {@code bench.missing} (10%) did not submit their weekly
 * commit. Moving the clock to Monday 08:00 fires every missing rep's deadline timer at once; measured is the time
 * from the deadline until every missing report is recorded, every chase task exists and every mail is in the outbox,
 * beside a bare model whose N boundary timers fire into one service task (one JDBC insert). Then Monday 09:00: the
 * commit calls of every first-line manager (N / 8), beside a bare timer that starts as many one-task instances in the
 * same batches. Jobs are executed by the bench's loop, as in {@link WeeklyCycleBench}, product and baseline in the
 * same run on the same database. Run with {@code ./mvnw -Pbench test -Dtest=DeadlineStormBench -Dbench.reps=10000}
 * (see docs/benchmark.md); it checks its work exactly and never fails on a time.
 */
class DeadlineStormBench extends SpringBench {

    static final double MISSING = Double.parseDouble(System.getProperty("bench.missing", "0.10"));
    /** The bare model's boundary timers: as many as reps (the 10,000 at N = 10,000). */
    static final int BARE_TIMERS = Integer.getInteger("bench.bare.timers", REPS);
    /** Five open deals per rep: the weekly commit's rows; the roll-up's volume is WeeklyCycleBench's business. */
    static final long OPPORTUNITIES = Long.getLong("bench.storm.opportunities", REPS * 5L);   // not bench.opportunities: the roll-up's 1,000,000
    static final String BARE_DEADLINE = "bench-bare-deadline";
    static final String BARE_CALLS = "bench-bare-calls";
    static final String BARE_CALL = "bench-bare-call";
    static final String BARE_CALL_TASK = "Task_BareCall";

    @TestConfiguration
    static class BareEngine {
        /** The bare deadline's one service task: one row per fired timer, nothing else. */
        @Bean
        JavaDelegate benchDeadlineHit(JdbcTemplate jdbc) {
            return execution -> jdbc.update("insert into bench_deadline_hit (instance_id) values (?)", execution.getProcessInstanceId());
        }

        /** The bare 09:00 opening: the next batch of one-task instances, one per first-line manager. */
        @Bean
        JavaDelegate benchCallBatch(JdbcClient jdbc) {
            return BenchEngine.batchStarter(jdbc, "select distinct manager_id from person where role = 'REP' order by manager_id",
                    BARE_CALL, BATCH);
        }
    }

    @Autowired ProcessEngine engine;
    @Autowired OrganizationAdministration administration;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired CycleService cycles;
    @Autowired CycleClock cycleClock;
    @Autowired JdbcTemplate jdbc;
    @Autowired com.salescadence.pipeline.KeptFigures keptFigures;

    final BenchHierarchy hierarchy = new BenchHierarchy();
    final List<String> missing = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    final Set<String> quiet = new java.util.TreeSet<>();
    BenchResults results;

    @Test
    void mondayDeadlineStorm() throws Exception {
        results = new BenchResults("Monday deadline storm: N = " + String.format("%,d", REPS) + " reps on "
                + (BenchDatabase.postgres() ? "PostgreSQL" : "H2 (file)") + ", " + Math.round(MISSING * 100) + "% missing, heap max "
                + Math.round(HeapSampler.maxMb()) + " MB, " + Runtime.getRuntime().availableProcessors() + " cores, "
                + THREADS + " job threads, batch " + BATCH);
        results.note("Load average at the start: " + loadAverage());
        Date start = date(SUNDAY);
        deployBaseline();
        Set<String> measured = Set.of(KEY, SUBMISSION_KEY, ROLLUP_KEY, BARE_DEADLINE, BARE_CALLS, BARE_CALL);
        engine.getRepositoryService().createProcessDefinitionQuery().list().stream().map(ProcessDefinition::getKey)
                .filter(key -> !measured.contains(key)).forEach(quiet::add);
        results.note("Jobs suspended before each clock move (the clock jumps to 2030, see quietOtherProcesses): " + String.join(", ", quiet)
                + ", and weekly-commit's Sunday start timer (the bench starts the cycle).");
        quietOtherProcesses();
        ClockUtil.setCurrentTime(start);
        try (AutoAnalyze autoAnalyze = AutoAnalyze.start(jdbc)) {
            setUp(start);
            Cycle cycle = cycles.find(Cadence.WEEKLY_COMMIT, CycleKeys.weekKey(CycleKeys.weekCommittedFrom(SUNDAY.toLocalDate()))).orElseThrow();
            deadline(start, cycle);
            callOpening(start);
            if (!autoAnalyze.note().isEmpty()) {
                results.note(autoAnalyze.note());
            }
        } finally {
            ClockUtil.reset();
        }
        results.note("Load average at the end: " + loadAverage());
        failed.forEach(what -> results.note("NOT DONE: " + what));
        results.write(Path.of("target/bench"), "results-storm-" + BenchDatabase.name() + "-" + REPS + ".md");
        BenchEngine.check(failed.isEmpty(), String.join("; ", failed));
    }

    // ------------------------------------------------------------------ Sunday: the week up to the deadline (untimed set-up)

    void setUp(Date start) throws Exception {
        long t = System.nanoTime();
        hierarchy.build(administration, transactions, REPS, SPAN);
        hierarchy.insertPipeline(jdbc, SUNDAY, OPPORTUNITIES);
        keptFigures.rebuild();   // seeded by SQL: the 09:00 calls' roll-up reads the kept figures
        if (BenchDatabase.postgres()) {
            jdbc.execute("analyze");
        }
        info("organization of " + hierarchy.people() + " people, " + String.format("%,d", OPPORTUNITIES) + " deals",
                BenchResults.format(seconds(t)) + " s");
        jdbc.execute("create table bench_deadline_hit (instance_id varchar(64) not null)");

        // Sunday 08:00: the cycle opens, every rep gets their task
        t = System.nanoTime();
        engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(CYCLE_START, start));
        int jobs = BenchEngine.runJobs(engine, THREADS);
        check(engine.getTaskService().createTaskQuery().taskDefinitionKey(TASK_SUBMIT_WEEKLY_COMMIT).count() == REPS, "every rep's commit task");
        info("Sunday 08:00 fan-out of the weekly commit (" + jobs + " jobs)", BenchResults.format(seconds(t)) + " s");

        // Sunday 10:00: all but the missing reps submit, as the commit API does
        ClockUtil.setCurrentTime(date(SUNDAY.plusHours(2)));
        Map<String, String> tasks = BenchEngine.tasksByAssignee(engine, TASK_SUBMIT_WEEKLY_COMMIT);
        t = System.nanoTime();
        List<String> submitting = new ArrayList<>();
        for (int i = 0; i < REPS; i++) {
            String rep = hierarchy.reps.get(i);
            // spread evenly: rep i misses when the running count of misses steps up
            if ((long) ((i + 1) * MISSING) > (long) (i * MISSING)) {
                missing.add(rep);
            } else {
                submitting.add(rep);
            }
        }
        // each commit in its own transaction as the API's, on bench.setup.threads threads (untimed set-up)
        BenchEngine.inTransactions(transactions, submitting, 1, BenchEngine.SETUP_THREADS,
                rep -> BenchEngine.completeAs(engine, rep, tasks.get(rep), hierarchy.openDeals.get(rep)));
        int submitted = REPS - missing.size();
        check(count("select count(*) from commit_report") == submitted, "every submitted commit recorded");
        info(String.format("Sunday 10:00: %,d reps submit, %,d do not", submitted, missing.size()),
                BenchResults.format(seconds(t)) + " s");

        // Sunday 20:00: the missing reps are reminded
        quietOtherProcesses();
        ClockUtil.setCurrentTime(cycleClock.at(start, "PT12H"));
        t = System.nanoTime();
        jobs = BenchEngine.runJobs(engine, THREADS);
        check(count("select count(*) from outbox_message where kind = 'REPORT_REMINDER'") == missing.size(),
                "one reminder per missing rep and nothing else; written: " + outboxWritten(0));
        info("Sunday 20:00 reminders (" + jobs + " jobs)", BenchResults.format(seconds(t)) + " s");

        // the baselines' instances: BARE_TIMERS user tasks with a boundary timer a minute before the deadline, and the
        // 09:00 opening's orchestrator waiting on its timer a minute before the calls
        t = System.nanoTime();
        Date bareDeadline = new Date(cycleClock.at(start, "PT24H").getTime() - 60_000);
        // 200 instances per transaction on bench.setup.threads threads (untimed set-up)
        BenchEngine.inTransactions(transactions, java.util.stream.IntStream.range(0, BARE_TIMERS).boxed().toList(), 200, BenchEngine.SETUP_THREADS,
                i -> engine.getRuntimeService().startProcessInstanceByKey(BARE_DEADLINE, "bare:" + i,
                        Map.of(REP_ID, hierarchy.reps.get(i % REPS), "deadline", bareDeadline)));
        engine.getRuntimeService().startProcessInstanceByKey(BARE_CALLS, Map.of(BATCH_OFFSET, 0, CYCLE_START, start,
                "callAt", new Date(cycleClock.at(start, "PT25H").getTime() - 60_000)));
        info(String.format("bare instances started (%,d user tasks with a boundary timer, 1 orchestrator)", BARE_TIMERS),
                BenchResults.format(seconds(t)) + " s");
    }

    /**
     * Moving the clock to 2030 makes every other cadence's timer due (the meeting rhythm, the monthly forecast, the
     * quarterly review, the Sunday timer of weekly-commit itself), and the weekly cycle's opening starts the week's
     * 1:1 meetings, whose reminders fall due on Sunday evening: before every clock move the jobs of every process
     * other than the weekly commit's and the baselines' are suspended, so a clock move fires only the weekly commit's
     * timers and the baselines'. The bench starts the cycle itself, as the Sunday timer would.
     */
    void quietOtherProcesses() {
        for (String key : quiet) {
            engine.getManagementService().updateJobSuspensionState().byProcessDefinitionKey(key).suspend();
        }
        engine.getManagementService().createJobDefinitionQuery().processDefinitionKey(KEY).activityIdIn("Start_WeeklyCommitDue").list()
                .forEach(job -> engine.getManagementService().updateJobDefinitionSuspensionState().byJobDefinitionId(job.getId())
                        .includeJobs(true).suspend());
    }

    /**
     * The bare deadline: a user task with a non-interrupting boundary timer (timeDate, as the product's) into one
     * service task that inserts one row. The bare 09:00: a timer, then the fan-out's bare batch loop starting one
     * one-task instance per first-line manager.
     */
    void deployBaseline() {
        BpmnModelInstance deadline = Bpmn.createExecutableProcess(BARE_DEADLINE).camundaHistoryTimeToLive(1)
                .startEvent("Start_BareOwed").userTask("Task_BareOwed").camundaAssignee("${repId}").endEvent("End_BareOwed")
                .moveToActivity("Task_BareOwed").boundaryEvent("Timer_BareDeadline").cancelActivity(false).timerWithDate("${deadline}")
                .serviceTask("Service_BareHit").camundaDelegateExpression("${benchDeadlineHit}").endEvent("End_BareHit")
                .done();
        engine.getRepositoryService().createDeployment().name("bench-storm-baseline")
                .addModelInstance(BARE_DEADLINE + ".bpmn", deadline)
                .addModelInstance(BARE_CALLS + ".bpmn", BenchEngine.orchestrator(BARE_CALLS, "${benchCallBatch}", "${callAt}"))
                .addModelInstance(BARE_CALL + ".bpmn", BenchEngine.oneTask(BARE_CALL, BARE_CALL_TASK))
                .deploy();
    }

    // ------------------------------------------------------------------ Monday 08:00: the deadline

    void deadline(Date start, Cycle cycle) throws Exception {
        Date deadline = cycleClock.at(start, "PT24H");
        // baseline: its timers are due a minute before the product's
        quietOtherProcesses();
        ClockUtil.setCurrentTime(new Date(deadline.getTime() - 60_000));
        Phase bare = Phase.run(engine, THREADS);
        check(count("select count(*) from bench_deadline_hit") == BARE_TIMERS, "every bare timer fired into the service task");

        long outboxBefore = count("select coalesce(max(id), 0) from outbox_message");
        ClockUtil.setCurrentTime(deadline);
        Phase product = Phase.run(engine, THREADS);

        // the work, exactly: every missing report recorded, a chase per missing rep assigned to their manager, the
        // manager mailed once per missing rep, nobody escalated (a first miss)
        check(count("select count(*) from report_submission where cycle_id = " + cycle.id() + " and report_type = 'COMMIT' and status = 'MISSED'")
                == missing.size(), "every missing report recorded");
        check(count("select count(*) from report_submission where cycle_id = " + cycle.id() + " and report_type = 'COMMIT' and status = 'ON_TIME'")
                == REPS - missing.size(), "every submitted report on time");
        Map<String, Long> expected = new TreeMap<>();
        missing.forEach(rep -> expected.merge(hierarchy.managerOf.get(rep), 1L, Long::sum));
        Map<String, Long> chases = new TreeMap<>();
        engine.getTaskService().createTaskQuery().taskDefinitionKey(TASK_CHASE_MISSING_COMMIT).list()
                .forEach(task -> chases.merge(task.getAssignee(), 1L, Long::sum));
        check(chases.equals(expected), "a chase task per missing rep, assigned to their manager");
        Map<String, Long> mailed = new TreeMap<>();
        jdbc.query("select recipient_id, count(*) from outbox_message where id > ? and kind = 'REPORT_MISSING' and channel = 'MAIL' group by recipient_id",
                rs -> { mailed.put(rs.getString(1), rs.getLong(2)); }, outboxBefore);
        check(mailed.equals(expected), "one REPORT_MISSING mail per missing rep to their manager");
        check(count("select count(*) from escalation") == missing.size(), "one escalation per missing rep (to the manager)");
        String written = outboxWritten(outboxBefore);
        check(count("select count(*) from outbox_message where id > " + outboxBefore) == missing.size(), "no other outbox row: " + written);

        results.add("4 deadline", String.format("Monday 08:00: %,d missing reports recorded, chased and mailed / %,d bare timers fired", missing.size(), BARE_TIMERS),
                product.seconds, bare.seconds, "s", "<= 1.5x");
        results.add("4 deadline", "per fired deadline timer", product.seconds * 1000 / missing.size(), bare.seconds * 1000 / BARE_TIMERS, "ms", "-");
        BenchTargets.ratio("4", String.format("deadline storm: %,d missing of %,d reps recorded, chased and mailed / %,d bare timers fired",
                missing.size(), REPS, BARE_TIMERS), product.seconds, bare.seconds, "s", 1.5);   // issue 15 targets
        results.add("4 deadline", "peak heap used (sampled every 5 ms)", product.peakMb, bare.peakMb, "MB", "-");
        results.info("4 deadline", "transactions (jobs) product / baseline", product.jobs + " / " + bare.jobs, "-");
        results.note("Deadline: the outbox rows written by the product's deadline: " + written + "; checked: " + missing.size()
                + " submissions MISSED, " + (REPS - missing.size()) + " ON_TIME, one chase task per missing rep assigned to their manager, "
                + "one REPORT_MISSING mail per missing rep to their manager, no escalation above (a first miss), nothing else.");
    }

    // ------------------------------------------------------------------ Monday 09:00: the commit calls

    void callOpening(Date start) throws Exception {
        Date callsAt = cycleClock.at(start, "PT25H");
        int managers = hierarchy.firstLine.size();
        quietOtherProcesses();
        ClockUtil.setCurrentTime(new Date(callsAt.getTime() - 60_000));
        Phase bare = Phase.run(engine, THREADS);
        check(engine.getTaskService().createTaskQuery().taskDefinitionKey(BARE_CALL_TASK).count() == managers, "a bare task per first-line manager");

        long outboxBefore = count("select coalesce(max(id), 0) from outbox_message");
        ClockUtil.setCurrentTime(callsAt);
        Phase product = Phase.run(engine, THREADS);
        Map<String, Long> calls = new HashMap<>();
        engine.getTaskService().createTaskQuery().taskDefinitionKey(TASK_RUN_COMMIT_CALL).list()
                .forEach(task -> calls.merge(task.getAssignee(), 1L, Long::sum));
        check(calls.size() == managers && calls.keySet().containsAll(hierarchy.firstLine) && calls.values().stream().allMatch(n -> n == 1),
                "one commit call task per first-line manager");
        check(count("select count(*) from outbox_message where id > " + outboxBefore + " and kind = 'CALL_READY'") == managers,
                "one CALL_READY mail per first-line manager");
        results.add("4 call 09:00", String.format("Monday 09:00: %,d first-line managers' commit calls open / %,d bare tasks", managers, managers),
                product.seconds, bare.seconds, "s", "-");
        BenchTargets.ratio("4", String.format("09:00 call opening: %,d first-line managers' calls / as many bare tasks", managers),
                product.seconds, bare.seconds, "s", 1.5);   // issue 15 targets
        results.add("4 call 09:00", "peak heap used (sampled every 5 ms)", product.peakMb, bare.peakMb, "MB", "-");
        results.info("4 call 09:00", "transactions (jobs) product / baseline", product.jobs + " / " + bare.jobs, "-");
        results.note("Calls: the outbox rows written at 09:00: " + outboxWritten(outboxBefore) + "; checked: one Run commit call task per first-line "
                + "manager, one CALL_READY mail each. Baseline: a timer, then the fan-out's bare batch loop (" + BATCH
                + " per transaction) starting one one-task instance per first-line manager.");
    }

    /** One clock move's jobs, run to the end: time, jobs, peak heap. */
    record Phase(double seconds, int jobs, double peakMb) {
        static Phase run(ProcessEngine engine, int threads) throws Exception {
            try (HeapSampler heap = new HeapSampler()) {
                long t = System.nanoTime();
                int jobs = BenchEngine.runJobs(engine, threads);
                return new Phase(BenchEngine.seconds(t), jobs, heap.peakMb());
            }
        }
    }

    String outboxWritten(long afterId) {
        List<String> kinds = new ArrayList<>();
        jdbc.query("select kind, channel, count(*) from outbox_message where id > ? group by kind, channel order by kind, channel",
                rs -> { kinds.add(rs.getString(1) + "/" + rs.getString(2) + " " + rs.getLong(3)); }, afterId);
        return kinds.isEmpty() ? "none" : String.join(", ", kinds);
    }

    void info(String measure, String value) {
        results.info("setup", measure, value, "-");
        System.out.println("[bench] " + measure + ": " + value);
    }

    /** A check that failed is reported with the table (the figures are kept) and fails the run at its end. */
    void check(boolean condition, String what) {
        if (!condition) {
            System.out.println("[bench] NOT DONE: " + what);
            failed.add(what);
        }
    }

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}

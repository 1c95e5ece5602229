package com.salescadence.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.salescadence.cadence.CycleKeys;
import com.salescadence.imports.ImportJobView;
import com.salescadence.imports.ImportJobs;
import com.salescadence.imports.ImportKind;
import com.salescadence.organization.Person;
import com.salescadence.pipeline.PipelineProperties;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.pipeline.stage.StageModelCatalog;

/**
 * The demo's past (issue 16, item 5), brought in as a team going live brings its own: through the CSV history import
 * (closed deals with their dated stage history, orders and payments, weekly commits), which also reconstructs the
 * company's pipeline at the end of every past week as snapshots. Generated with a fixed seed relative to today: about
 * 20 months of closed deals of the demo's reps, whose chances of winning differ by team (so the learned win rates differ
 * from the configured ones in a team's own way), the weekly out-of-funnel orders every team books, and each rep's commit
 * of every finished week of the last four quarters and of this one, in line with what they booked that week by the rep's
 * own habit (some commit too much, some too little). Nothing is open: the demo's open deals are the ones the loader
 * drives through the process, untouched.
 */
@Component
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    /**
     * The seed of every rep's stream of closed deals, with the rep's id: one under which every team has at least 40
     * verdicts at every stage and learned rates at least half a point from the configured ones (DemoHistoryTest).
     */
    static final long DEALS_SEED = 17;

    /** How many days of closed deals. */
    static final int DAYS = 600;

    /**
     * Each team's true stage win rate as a multiple of the configured rate: at the first open stage, and at the last
     * (in between, in proportion): Beijing converts early leads well and closes well, Tianjin's pipeline is optimistic and
     * its closing weak, Shanghai qualifies hard, Shenzhen qualifies a little better than the book but slips at the end.
     */
    static final Map<String, double[]> TEAM_FACTORS = Map.of(
            "flm.beijing", new double[] {1.5, 1.1},
            "flm.tianjin", new double[] {0.6, 0.85},
            "flm.shanghai", new double[] {1.8, 1.05},
            "flm.shenzhen", new double[] {1.3, 0.88});

    /** What each rep books of what they commit (their median actual / commit, give or take a week's luck). */
    static final Map<String, Double> RELIABILITY = Map.ofEntries(
            Map.entry("rep.xu", 0.95), Map.entry("rep.sun", 0.80), Map.entry("rep.ma", 1.12),
            Map.entry("rep.zhu", 0.70), Map.entry("rep.hu", 0.90), Map.entry("rep.guo", 1.00),
            Map.entry("rep.he", 1.05), Map.entry("rep.gao", 0.85), Map.entry("rep.lin", 0.98),
            Map.entry("rep.luo", 0.75), Map.entry("rep.zheng", 1.20), Map.entry("rep.liang", 0.92));

    private static final String[] WHAT = {"MES upgrade", "Planning suite renewal", "Warehouse robots", "CRM extension",
            "Data warehouse", "Service contract", "Security hardening", "Cloud backup", "Spare parts", "Training"};

    private final ImportJobs imports;
    private final StageModel model;
    private final PipelineProperties pipeline;
    private final Clock clock;

    DemoHistory(ImportJobs imports, StageModelCatalog stageModels, PipelineProperties pipeline, Clock clock) {
        this.imports = imports;
        this.model = stageModels.active();
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** Imports the history of the reps (each with their accounts' names) as the administrator; waits for the import. */
    void load(String adminId, List<Person> reps, Map<String, List<String>> accounts) {
        Map<ImportKind, byte[]> files = files(LocalDate.now(clock), reps, accounts, model, pipeline.outOfFunnelBelow());
        ImportJobView job = imports.start(adminId, files, false).job();
        while (!job.finished()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the demo's history was imported", e);
            }
            job = imports.get(job.id(), adminId);
        }
        if (job.status() != com.salescadence.imports.ImportStatus.DONE) {
            throw new IllegalStateException("The demo's history was not imported: " + job.message() + " " + job.problems().stream()
                    .limit(5).map(p -> p.type() + " line " + p.line() + " " + p.column() + ": " + p.reason()).toList());
        }
        log.info("Demo data: history imported: {}", job.message());
    }

    /** The generated deal of the history: its stage entries, how and when it closed. */
    private record Deal(String ref, String owner, String account, BigDecimal amount, LocalDate created, List<String> stages,
                        List<LocalDate> entered, boolean won, LocalDate closed, LocalDate expectedClose) {
    }

    /** The CSV files (accounts exist already): opportunities, stage_history, orders, commits. */
    static Map<ImportKind, byte[]> files(LocalDate today, List<Person> reps, Map<String, List<String>> accounts, StageModel model,
                                         BigDecimal outOfFunnelBelow) {
        Random random = new Random(16);
        List<String> open = model.funnel().stream().filter(Stage::isOpen).map(Stage::code).toList();
        List<Deal> deals = new ArrayList<>();
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstCommitWeek = today.with(IsoFields.DAY_OF_QUARTER, 1).minusYears(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (Person rep : reps) {
            double[] advance = advance(model, open, TEAM_FACTORS.getOrDefault(rep.managerId(), new double[] {1, 1}));
            List<String> mine = accounts.get(rep.id());
            // the rep's closed deals draw on a stream of their own, seeded by the rep, and lie wholly relative to today:
            // the same deals whatever day the demo starts, so the learned win rates are the same every day too
            Random luck = new Random(DEALS_SEED * 31 + rep.id().hashCode());
            for (LocalDate created = today.minusDays(DAYS).plusDays(luck.nextInt(6)); created.isBefore(today);
                 created = created.plusDays(3 + luck.nextInt(7))) {
                int stage = open.size() > 1 && luck.nextDouble() >= 0.7 ? 1 : 0;
                List<String> stages = new ArrayList<>(List.of(open.get(stage)));
                List<LocalDate> entered = new ArrayList<>(List.of(created));
                LocalDate at = created;
                boolean won;
                while (true) {
                    at = at.plusDays(7 + luck.nextInt(22));
                    if (luck.nextDouble() >= advance[stage]) {
                        won = false;
                        break;
                    }
                    if (stage == open.size() - 1) {
                        won = true;
                        break;
                    }
                    stage++;
                    stages.add(open.get(stage));
                    entered.add(at);
                }
                BigDecimal amount = BigDecimal.valueOf(100_000 + 10_000L * luck.nextInt(120)).setScale(2);
                // reps expect deals to close sooner than they do
                int slip = luck.nextDouble() < 0.4 ? 10 + luck.nextInt(30) : luck.nextInt(15) - 7;
                LocalDate expected = max(at.minusDays(slip), entered.get(entered.size() - 1).plusDays(1));
                if (at.isBefore(today)) {
                    String ref = "D-" + deals.size();
                    deals.add(new Deal(ref, rep.id(), mine.get(deals.size() % mine.size()), amount, created, stages, entered, won, at, expected));
                }
            }
            // the out-of-funnel orders of most weeks since the first commit
            for (LocalDate monday = firstCommitWeek; monday.isBefore(thisMonday); monday = monday.plusWeeks(1)) {
                if (random.nextDouble() < 0.75) {
                    LocalDate closed = monday.plusDays(random.nextInt(5));
                    BigDecimal amount = outOfFunnelBelow.multiply(BigDecimal.valueOf(30 + random.nextInt(66))).movePointLeft(2)
                            .setScale(-3, RoundingMode.DOWN).setScale(2);
                    String ref = "D-" + deals.size();
                    deals.add(new Deal(ref, rep.id(), mine.get(deals.size() % mine.size()), amount, closed.minusDays(3 + random.nextInt(8)),
                            List.of(), List.of(), true, closed, closed));
                }
            }
        }
        Map<ImportKind, byte[]> files = new EnumMap<>(ImportKind.class);
        files.put(ImportKind.OPPORTUNITIES, opportunities(deals, model));
        files.put(ImportKind.STAGE_HISTORY, stageHistory(deals));
        files.put(ImportKind.ORDERS, orders(deals, today, random));
        files.put(ImportKind.COMMITS, commits(deals, reps, firstCommitWeek, thisMonday, random));
        return files;
    }

    /**
     * The chance of moving on from each open stage (the last: of winning), such that the share of deals entering a
     * stage that are won is the configured rate times the team's factor (from the first factor at the first stage to the
     * second at the last), capped at 97% and never below the stage before.
     */
    static double[] advance(StageModel model, List<String> open, double[] factors) {
        double[] rate = new double[open.size()];
        for (int i = 0; i < open.size(); i++) {
            double factor = open.size() == 1 ? factors[1] : factors[0] + (factors[1] - factors[0]) * i / (open.size() - 1);
            rate[i] = Math.min(0.97, model.stage(open.get(i)).winRate() / 100.0 * factor);
            if (i > 0) {
                rate[i] = Math.max(rate[i], rate[i - 1]);
            }
        }
        double[] advance = new double[open.size()];
        for (int i = 0; i < open.size(); i++) {
            advance[i] = i == open.size() - 1 ? rate[i] : rate[i] / rate[i + 1];
        }
        return advance;
    }

    private static byte[] opportunities(List<Deal> deals, StageModel model) {
        String won = model.won().code();
        String lost = model.lost().code();
        StringBuilder csv = new StringBuilder("account,name,owner,amount,expected_close_date,stage,closed_on,created_on,loss_reason,ref,lost_from\n");
        for (Deal d : deals) {
            String name = d.account() + " - " + WHAT[Integer.parseInt(d.ref().substring(2)) % WHAT.length] + " " + d.ref();
            csv.append(String.join(",", quoted(d.account()), quoted(name), d.owner(), d.amount().toPlainString(), d.expectedClose().toString(),
                    d.won() ? won : lost, d.closed().toString(), d.created().toString(),
                    d.won() ? "" : "Lost to a competitor on price", d.ref(), d.won() ? "" : d.stages().get(d.stages().size() - 1))).append('\n');
        }
        return utf8(csv);
    }

    private static byte[] stageHistory(List<Deal> deals) {
        StringBuilder csv = new StringBuilder("deal,stage,entered_on\n");
        for (Deal d : deals) {
            for (int i = 0; i < d.stages().size(); i++) {
                csv.append(d.ref()).append(',').append(d.stages().get(i)).append(',').append(d.entered().get(i)).append('\n');
            }
        }
        return utf8(csv);
    }

    /** Every won deal ordered within days, invoiced two days later, paid 10-40 days after that if that day has passed. */
    private static byte[] orders(List<Deal> deals, LocalDate today, Random random) {
        StringBuilder csv = new StringBuilder("deal,ordered_on,invoiced_on,paid_on\n");
        LocalDate yesterday = today.minusDays(1);
        for (Deal d : deals) {
            if (d.won()) {
                LocalDate ordered = min(d.closed().plusDays(random.nextInt(4)), yesterday);
                LocalDate invoiced = min(ordered.plusDays(2), yesterday);
                LocalDate paid = invoiced.plusDays(10 + random.nextInt(31));
                csv.append(String.join(",", d.ref(), ordered.toString(), invoiced.toString(), paid.isAfter(yesterday) ? "" : paid.toString()))
                        .append('\n');
            }
        }
        return utf8(csv);
    }

    /**
     * Each rep's commit of every finished week from {@code from}: what they booked that week divided by their
     * reliability, give or take 15%, rounded to 10,000; nothing a week they booked nothing.
     */
    private static byte[] commits(List<Deal> deals, List<Person> reps, LocalDate from, LocalDate thisMonday, Random random) {
        StringBuilder csv = new StringBuilder("rep,week,commit,upside\n");
        for (Person rep : reps) {
            double reliability = RELIABILITY.getOrDefault(rep.id(), 1.0);
            for (LocalDate monday = from; monday.isBefore(thisMonday); monday = monday.plusWeeks(1)) {
                LocalDate start = monday;
                BigDecimal booked = deals.stream().filter(d -> d.won() && d.owner().equals(rep.id()) && !d.closed().isBefore(start)
                        && d.closed().isBefore(start.plusWeeks(1))).map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                // a week they booked nothing they saw nothing to commit (its deals were upside at best)
                BigDecimal rounded = booked.signum() == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(Math.max(10_000,
                        Math.round(booked.doubleValue() / reliability * (0.85 + 0.3 * random.nextDouble()) / 10_000) * 10_000L)).setScale(2);
                BigDecimal upside = BigDecimal.valueOf(10_000L * (1 + random.nextInt(30))).setScale(2);
                csv.append(String.join(",", rep.id(), CycleKeys.weekKey(monday), rounded.toPlainString(), upside.toPlainString())).append('\n');
            }
        }
        return utf8(csv);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static byte[] utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}

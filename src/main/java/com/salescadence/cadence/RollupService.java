package com.salescadence.cadence;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.common.Inputs;
import com.salescadence.common.RowProblems;
import com.salescadence.common.RowValidationException;
import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrgChart;
import com.salescadence.pipeline.PipelineFigures;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Quota;
import com.salescadence.organization.QuotaService;
import com.salescadence.organization.Role;

// Over 250 lines (issue 14 item 6): the commit call's reads, checks and writes in one transactional service; the rules are in CommitCallRules and the adjustment checks.
/**
 * The commit call and the roll-up one level per weekday: each manager's lines (reps for the first
 * line, the teams below for the others), with the figures and flags of docs/domain.md sections 2.1-2.2, adjustments kept
 * beside the raw figures, and the submitted roll-up frozen.
 */
@Service
@Transactional
public class RollupService {

    /** The longest reason a manager may give for an adjustment. */
    public static final int REASON_MAX_LENGTH = 500;

    private final RollupRepository rollups;
    private final CommitRepository commits;
    private final ComplianceService compliance;
    private final CycleService cycles;
    private final OrganizationService organization;
    private final QuotaService quotas;
    private final PipelineFigures figures;
    private final ForecastThresholds thresholds;
    private final com.salescadence.pipeline.stage.StageModelCatalog stageModels;
    private final Clock clock;

    RollupService(RollupRepository rollups, CommitRepository commits, ComplianceService compliance, CycleService cycles,
                  OrganizationService organization, QuotaService quotas, PipelineFigures figures,
                  ForecastThresholds thresholds, com.salescadence.pipeline.stage.StageModelCatalog stageModels, Clock clock) {
        this.stageModels = stageModels;
        this.rollups = rollups;
        this.commits = commits;
        this.compliance = compliance;
        this.cycles = cycles;
        this.organization = organization;
        this.quotas = quotas;
        this.figures = figures;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /**
     * A manager's lines with their figures. Read with a fixed number of queries whatever the size of the team:
     * the team below once (one query per level), each kind of report for all lines at once, and the pipeline
     * grouped by owner in the database and added up per line in memory.
     */
    @Transactional(readOnly = true)
    public RollupView view(long cycleId, String managerId) {
        Cycle cycle = cycles.get(cycleId);
        Optional<Cycle> previous = cycles.previous(cycle);
        OrgChart chart = organization.chartBelow(managerId);
        int level = chart.person(managerId).isPresent() ? chart.level(managerId) : 0;
        List<Person> reports = chart.directReports(managerId);
        Lines lines = new Lines(cycle, previous, managerId, chart, reports);
        List<RollupRow> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Person report : reports) {
            RollupRow row = lines.row(report);
            rows.add(row);
            if (!"ON_TIME".equals(row.status()) && !"LATE".equals(row.status())) {
                missing.add(report.fullName() + " (" + row.status().toLowerCase().replace('_', ' ') + ")");
            }
        }
        BigDecimal commit = rows.stream().map(RollupRow::commit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal upside = rows.stream().map(RollupRow::upside).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new RollupView(cycleId, cycle.cycleKey(), managerId, level, rows, commit, upside, missing,
                keyDeals(chart, cycle), PipelineFigures.SmallDeals.of(lines.small, chart.teamOf(managerId)));
    }

    /**
     * A manager changes the figures of someone reporting to them, with a reason; the raw figures stay. Safe when two
     * sessions change the same figure (one person's commit in one manager's roll-up of one cycle) at once:
     * adjustments of a roll-up and its submission take the manager's roll-up report first, then the person's
     * report, one at a time.
     */
    public void adjust(long cycleId, String managerId, String personId, BigDecimal commit, BigDecimal upside, String reason) {
        cycles.get(cycleId);
        compliance.lock(cycleId, managerId, ReportType.ROLLUP);
        if (personId != null) {
            organization.findPerson(personId).ifPresent(p ->
                    compliance.lock(cycleId, personId, p.role() == Role.REP ? ReportType.COMMIT : ReportType.ROLLUP));
        }
        Checks.start()
                .require(personId != null && organization.directReports(managerId).stream().anyMatch(p -> p.id().equals(personId)),
                        "'" + personId + "' does not report to you: you can only adjust your direct reports' figures.")
                .money(commit, "Adjusted commit")
                .money(upside, "Adjusted upside")
                .requiredText(reason, "A reason for the adjustment", REASON_MAX_LENGTH)
                .orThrow();
        if (rollups.report(cycleId, managerId).isPresent()) {
            throw new ValidationException("Your roll-up for this week is already submitted; adjustments are closed.");
        }
        commits.insertAdjustment(cycleId, personId, managerId, commit, upside,
                reason.trim(), LocalDateTime.now(clock));
    }

    /**
     * Reads the manager's decisions of the call: one object per adjusted line, {personId, commit, upside, reason}.
     * Amounts stay as sent until {@link #submit} checks them, so that a refusal names the line's person.
     */
    public static List<AdjustmentInput> parseAdjustments(List<Map<String, Object>> rows) {
        List<AdjustmentInput> inputs = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String person = Inputs.text(row.get("personId"));
            if (person == null && Inputs.text(row.get("reason")) == null && row.get("commit") == null && row.get("upside") == null) {
                continue;
            }
            inputs.add(new AdjustmentInput(person, row.get("commit"), row.get("upside"), Inputs.text(row.get("reason"))));
        }
        return inputs;
    }

    /** One adjusted line as the manager sent it: the amounts are checked on {@link #submit}. */
    public record AdjustmentInput(String personId, Object commit, Object upside, String reason) {
    }

    /**
     * Checks the call's adjustments without storing anything: every problem at its person's row (row id: the person's
     * id), in Chinese and English, and a sentence per refused line that names the person (the refusal's message).
     * What {@link #submit} refuses, this finds; the grid asks it to show a refused Complete at the rows.
     */
    @Transactional(readOnly = true)
    public CallCheck check(long cycleId, String managerId, List<AdjustmentInput> adjustments, String notes) {
        RowProblems problems = RowProblems.start();
        List<String> sentences = new ArrayList<>();
        List<String> notesProblems = new ArrayList<>();
        Checks.start().optionalText(notes, "Notes", Checks.LONG_TEXT).problems(notesProblems);
        if (!adjustments.isEmpty() && rollups.report(cycleId, managerId).isPresent()) {   // a roll-up submitted twice: see submit
            notesProblems.add("Your roll-up for this week is already submitted; adjustments are closed.");
        }
        notesProblems.stream().map(com.salescadence.common.ValidationTexts::bilingual).forEach(problem -> {
            String[] texts = AdjustmentRefusal.texts(List.of(problem));
            problems.general(texts[0], texts[1]);
            sentences.add(problem);
        });
        Set<String> reports = new HashSet<>();
        organization.directReports(managerId).forEach(p -> reports.add(p.id()));
        Set<String> adjusted = new HashSet<>();
        List<Adjusted> valid = new ArrayList<>();
        for (AdjustmentInput a : adjustments) {
            String name = a.personId() == null ? "?" : organization.findPerson(a.personId()).map(Person::fullName).orElse(a.personId());
            List<String> refused = new ArrayList<>();
            BigDecimal commit = null;
            BigDecimal upside = null;
            if (a.personId() != null && !adjusted.add(a.personId())) {
                refused.add("'" + a.personId() + "' is adjusted twice in one call: one line per person.");
            } else {
                Checks checks = Checks.start().require(a.personId() != null && reports.contains(a.personId()),
                        "'" + a.personId() + "' does not report to you: you can only adjust your direct reports' figures.");
                commit = amount(a.commit(), "Adjusted commit", checks);
                upside = amount(a.upside(), "Adjusted upside", checks);
                checks.requiredText(a.reason(), "A reason for the adjustment", REASON_MAX_LENGTH).problems(refused);
            }
            if (refused.isEmpty()) {
                valid.add(new Adjusted(a.personId(), commit, upside, a.reason()));
                continue;
            }
            List<String> readable = refused.stream().map(com.salescadence.common.ValidationTexts::bilingual).toList();
            String[] texts = AdjustmentRefusal.texts(readable);
            if (a.personId() == null) {
                problems.general(name + "：" + texts[0], name + ": " + texts[1]);
            } else {
                problems.row(a.personId(), name, texts[0], texts[1]);
            }
            sentences.add(AdjustmentRefusal.of(name, readable));
        }
        return new CallCheck(valid, problems, sentences);
    }

    /** An amount as sent and checked as money: a number (or a text holding one), else a problem and null. */
    private static BigDecimal amount(Object value, String label, Checks checks) {
        try {
            BigDecimal amount = Inputs.amount(value, label);
            checks.money(amount, label);
            return amount;
        } catch (ValidationException notANumber) {
            notANumber.problems().forEach(problem -> checks.require(false, problem));
            return null;
        }
    }

    /** What {@link #check} found: the lines that pass, and every problem (none when {@code problems.ok()}). */
    public record CallCheck(List<Adjusted> adjustments, RowProblems problems, List<String> sentences) {
        public void orThrow() {
            if (!problems.ok()) {
                throw new RowValidationException(sentences, problems);
            }
        }
    }

    /** An adjusted line that passed the checks. */
    public record Adjusted(String personId, BigDecimal commit, BigDecimal upside, String reason) {
    }

    /**
     * Applies the call's adjustments and freezes the roll-up; a late roll-up closes its escalation. Any refused
     * adjustment refuses the whole call, with each problem at its person's row (a message per line that starts with
     * the person's name) and nothing stored.
     */
    public RollupReport submit(long submissionId, List<AdjustmentInput> adjustments, String notes) {
        Submission submission = compliance.get(submissionId);
        String managerId = submission.personId();
        compliance.lock(submission.cycleId(), managerId, ReportType.ROLLUP); // no adjustment slips in while freezing
        CallCheck checked = check(submission.cycleId(), managerId, adjustments, notes);
        checked.orThrow();
        for (Adjusted a : checked.adjustments()) {
            adjust(submission.cycleId(), managerId, a.personId(), a.commit(), a.upside(), a.reason());
        }
        RollupView view = view(submission.cycleId(), managerId);
        Submission recorded = compliance.recordSubmitted(submissionId);
        long id = rollups.insertReport(submissionId, submission.cycleId(), managerId, view.level(), view.totalCommit(),
                view.totalUpside(), notes == null ? null : notes.trim(), recorded.submittedAt());
        view.rows().forEach(row -> rollups.insertLine(id, row, "ON_TIME".equals(row.status()) || "LATE".equals(row.status())));
        return rollups.report(submission.cycleId(), managerId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<RollupReport> report(long cycleId, String managerId) {
        return rollups.report(cycleId, managerId);
    }

    @Transactional(readOnly = true)
    public List<RollupReport> reports(long cycleId) {
        return rollups.reports(cycleId);
    }

    /** What the lines of one view need, read once for all of them. */
    private final class Lines {
        private final Cycle cycle;
        private final String managerId;
        private final Map<String, Set<String>> owners = new HashMap<>();
        private final Map<String, String> status = new HashMap<>();
        private final Map<String, BigDecimal[]> reported = new HashMap<>();
        private final Map<String, BigDecimal> lastWeekCommit = new HashMap<>();
        private final Map<String, Adjustment> adjustments;
        private final Map<String, Quota> quotas;
        private final PipelineFigures.ByOwner pipeline;
        private final Map<String, PipelineFigures.SmallDeals> small;

        Lines(Cycle cycle, Optional<Cycle> previous, String managerId, OrgChart chart, List<Person> reports) {
            this.cycle = cycle;
            this.managerId = managerId;
            List<String> reps = new ArrayList<>();
            List<String> managers = new ArrayList<>();
            Set<String> everyone = new HashSet<>();
            for (Person report : reports) {
                (report.role() == Role.REP ? reps : managers).add(report.id());
                Set<String> team = report.role() == Role.REP ? Set.of(report.id()) : chart.teamOf(report.id());
                owners.put(report.id(), team);
                everyone.addAll(team);
            }
            compliance.ofCycle(cycle.id(), ReportType.COMMIT, reps).forEach(sub -> status.put(sub.personId(), sub.status().name()));
            compliance.ofCycle(cycle.id(), ReportType.ROLLUP, managers).forEach(sub -> status.put(sub.personId(), sub.status().name()));
            commits.reports(cycle.id(), reps).forEach(r -> reported.put(r.personId(), new BigDecimal[] {r.commitAmount(), r.upsideAmount()}));
            rollups.reports(cycle.id(), managers).forEach(r -> reported.put(r.managerId(), new BigDecimal[] {r.commitAmount(), r.upsideAmount()}));
            previous.ifPresent(p -> {
                commits.reports(p.id(), reps).forEach(r -> lastWeekCommit.put(r.personId(), r.commitAmount()));
                rollups.reports(p.id(), managers).forEach(r -> lastWeekCommit.put(r.managerId(), r.commitAmount()));
            });
            adjustments = commits.latestAdjustments(cycle.id(), managerId);
            quotas = RollupService.this.quotas.find(reports.stream().map(Person::id).toList(), QuotaService.quarterOf(cycle.periodStart()));
            LocalDate week = cycle.periodStart();
            LocalDate monthStart = week.withDayOfMonth(1);
            LocalDate quarterStart = week.with(IsoFields.DAY_OF_QUARTER, 1);
            everyone.addAll(chart.teamOf(managerId)); // the manager's own deals count among the key deals
            // the kept buckets of the three periods and the small deals in one statement, the orders in a second
            PipelineFigures.WithSmall read = figures.byOwnerWithSmall(everyone, List.of(new PipelineFigures.Period(week.minusDays(7), week),
                    new PipelineFigures.Period(monthStart, monthStart.plusMonths(1)),
                    new PipelineFigures.Period(quarterStart, quarterStart.plusMonths(3))),
                    new PipelineFigures.Period(quarterStart, week));   // unfulfilled: won this quarter before the call's week
            pipeline = read.pipeline();
            small = read.small();
        }

        RollupRow row(Person person) {
            String id = person.id();
            BigDecimal[] raw = reported.getOrDefault(id, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            Set<String> team = owners.get(id);
            return RollupService.this.row(cycle, managerId, person, status.getOrDefault(id, "NOT_ASKED"), raw[0], raw[1],
                    lastWeekCommit.get(id), Optional.ofNullable(adjustments.get(id)),
                    pipeline.booked(team, LAST_WEEK),
                    pipeline.booked(team, MONTH).add(pipeline.weightedOpen(team, MONTH)),
                    pipeline.booked(team, QUARTER).add(pipeline.weightedOpen(team, QUARTER)),
                    Optional.ofNullable(quotas.get(id)), pipeline.orders(team), PipelineFigures.SmallDeals.of(small, team));
        }
    }

    private static final int LAST_WEEK = 0;
    private static final int MONTH = 1;
    private static final int QUARTER = 2;

    private RollupRow row(Cycle cycle, String managerId, Person person, String status, BigDecimal rawCommit,
                          BigDecimal rawUpside, BigDecimal lastWeekCommit, Optional<Adjustment> adjustment,
                          BigDecimal lastWeekActual, BigDecimal monthForecast, BigDecimal quarterForecast,
                          Optional<Quota> quota, PipelineFigures.Orders orders, PipelineFigures.SmallDeals small) {
        BigDecimal commit = adjustment.map(Adjustment::commitAmount).orElse(rawCommit);
        BigDecimal upside = adjustment.map(Adjustment::upsideAmount).orElse(rawUpside);
        LocalDate week = cycle.periodStart();
        BigDecimal quarterStretch = quota.map(Quota::stretchAmount).orElse(BigDecimal.ZERO);
        BigDecimal monthStretch = quarterStretch.divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.HALF_UP);

        Optional<BigDecimal> accuracy = lastWeekCommit == null ? Optional.empty() : CommitCallRules.accuracy(lastWeekActual, lastWeekCommit);
        Optional<BigDecimal> linearity = CommitCallRules.linearity(commit,
                CommitCallRules.linearShare(quota.map(Quota::quotaAmount).orElse(null), YearMonth.from(week)));
        Optional<BigDecimal> unfulfilled = CommitCallRules.unfulfilledShare(orders.unfulfilled(), orders.total());

        List<CallFlag> flags = new ArrayList<>();
        if (CommitCallRules.outside(accuracy, thresholds.accuracyLow(), thresholds.accuracyHigh())) {
            flags.add(CallFlag.accuracy(CommitCallRules.percent(accuracy)));
        }
        if (CommitCallRules.outside(linearity, thresholds.linearityLow(), thresholds.linearityHigh())) {
            flags.add(CallFlag.linearity(CommitCallRules.percent(linearity)));
        }
        if (unfulfilled.isPresent() && unfulfilled.get().compareTo(thresholds.unfulfilledMax()) >= 0) {
            flags.add(CallFlag.unfulfilled(CommitCallRules.percent(unfulfilled)));
        }
        if (quarterStretch.signum() > 0 && quarterForecast.add(upside).compareTo(quarterStretch) < 0) {
            flags.add(CallFlag.belowStretch());
        }
        if (!"ON_TIME".equals(status) && !"LATE".equals(status)) {
            flags.add(CallFlag.noReport());
        }
        return new RollupRow(person.id(), person.fullName(), status, rawCommit, rawUpside, commit, upside,
                adjustment.map(Adjustment::adjustedBy).orElse(null), adjustment.map(Adjustment::reason).orElse(null),
                lastWeekCommit, lastWeekActual, CommitCallRules.percent(accuracy), CommitCallRules.percent(linearity),
                monthForecast, monthStretch, quarterForecast, quarterStretch, CommitCallRules.percent(unfulfilled),
                flags.stream().map(CallFlag::en).toList(), List.copyOf(flags), small);
    }

    /** The five largest open deals of the manager's team closing this month (ties in team order, then latest first). */
    private List<KeyDeal> keyDeals(OrgChart chart, Cycle cycle) {
        LocalDate monthEnd = cycle.periodStart().withDayOfMonth(1).plusMonths(1);
        Map<String, Integer> teamOrder = new HashMap<>();
        for (String owner : chart.teamOf(chart.rootId())) {
            teamOrder.putIfAbsent(owner, teamOrder.size());
        }
        return figures.largestOpen(teamOrder.keySet(), monthEnd, KEY_DEALS).stream()
                .sorted(Comparator.comparing(PipelineFigures.OpenDeal::amount).reversed()
                        .thenComparing(d -> teamOrder.get(d.ownerId()))
                        .thenComparing(Comparator.comparingLong(PipelineFigures.OpenDeal::id).reversed()))
                .limit(KEY_DEALS)
                .map(d -> keyDeal(d, chart.person(d.ownerId()).map(Person::fullName).orElse(d.ownerId())))
                .toList();
    }

    private KeyDeal keyDeal(PipelineFigures.OpenDeal deal, String owner) {
        Optional<com.salescadence.pipeline.stage.Stage> stage = stageModels.model(deal.stageModel()).find(deal.stageCode());
        return new KeyDeal(deal.id(), deal.name(), deal.amount(), deal.stageCode(), stage.map(s -> s.name("en")).orElse(deal.stageCode()),
                stage.map(s -> s.name("zh")).orElse(deal.stageCode()), deal.ownerId(), owner, deal.expectedCloseDate(),
                deal.expectedCloseDate().isBefore(LocalDate.now(clock)));
    }

    private static final int KEY_DEALS = 5;
}

package com.salescadence.metrics;

import static com.salescadence.metrics.MetricRules.amount;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.forecast.MonthlyForecastSettings;
import com.salescadence.common.Checks;
import com.salescadence.common.CurrencyRates;
import com.salescadence.cadence.CommitCallRules;
import com.salescadence.cadence.ForecastThresholds;
import com.salescadence.pipeline.PipelineFigures;
import com.salescadence.metrics.MetricsQueries.Pipeline;
import com.salescadence.metrics.MetricsViews.*;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;

// Over 250 lines (issue 14 item 6): assembles every figure of the dashboard from MetricsQueries; the rules are in MetricRules, FunnelRules, CategoryRules.
/**
 * The numbers managers steer by (docs/domain.md section 3) for a person and everyone below them: each figure
 * aggregated in the database per owner, summed up the branch, and judged by {@link MetricRules}.
 * Open-pipeline figures are the live pipeline; the date chooses the week, month and quarter.
 */
@Service
@Transactional(readOnly = true)
public class MetricsService {

    private final MetricsQueries queries;
    private final OrganizationService organization;
    private final CycleService cycles;
    private final CurrencyRates rates;
    private final MetricsSettings settings;
    private final ForecastThresholds thresholds;
    private final MonthlyForecastSettings bands;
    private final Clock clock;

    MetricsService(MetricsQueries queries, OrganizationService organization, CycleService cycles, CurrencyRates rates,
                   MetricsSettings settings, ForecastThresholds thresholds, MonthlyForecastSettings bands, Clock clock) {
        this.bands = bands;
        this.queries = queries;
        this.organization = organization;
        this.cycles = cycles;
        this.rates = rates;
        this.settings = settings;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Overview overview(Person person, LocalDate date) {
        Periods p = Periods.of(date == null ? today() : date);
        String id = person.id();
        Team team = queries.team(id);
        Map<String, BigDecimal[]> quotaRows = queries.quotas(id, p.quarterKey());
        Map<String, Pipeline> quarterPipeline = queries.open(id, p.quarterEnd(), p.date());
        Map<String, BigDecimal> weighted = MetricsQueries.weighted(quarterPipeline);
        Map<String, BigDecimal> openAmount = MetricsQueries.amounts(quarterPipeline);
        Map<String, BigDecimal> booked = queries.won(id, p.quarterStart().atStartOfDay(), p.quarterToDateEnd().atStartOfDay());
        Map<String, BigDecimal> allOpen = MetricsQueries.amounts(queries.open(id, null, p.date()));
        Map<String, PipelineFigures.SmallDeals> small = queries.smallDeals(id);

        BigDecimal quota = team.ownOrReports(id, who -> quotaRows.containsKey(who) ? quotaRows.get(who)[0] : null);
        BigDecimal stretch = team.ownOrReports(id, who -> quotaRows.containsKey(who) ? quotaRows.get(who)[1] : null);
        BigDecimal myBooked = team.sum(id, booked);
        BigDecimal myWeighted = team.sum(id, weighted);

        // last completed week: its commit (as rolled up) against the deals won in it
        LocalDate lastWeek = p.weekStart().minusWeeks(1);
        Optional<Long> lastCycle = Optional.ofNullable(queries.weeklyCycles(lastWeek, p.weekStart()).get(lastWeek));
        Map<String, CategoryRules.Categories> lastWeekCategories = lastCycle
                .map(c -> CategoryRules.compute(team, queries.commits(id, c))).orElse(Map.of());
        Map<String, BigDecimal> lastWeekWon = queries.won(id, lastWeek.atStartOfDay(), p.weekStart().atStartOfDay());

        List<Child> children = new ArrayList<>();
        for (Team.Member report : team.directReports(id)) {
            BigDecimal q = team.ownOrReports(report.id(), who -> quotaRows.containsKey(who) ? quotaRows.get(who)[0] : null);
            BigDecimal s = team.ownOrReports(report.id(), who -> quotaRows.containsKey(who) ? quotaRows.get(who)[1] : null);
            BigDecimal b = team.sum(report.id(), booked);
            BigDecimal w = team.sum(report.id(), weighted);
            BigDecimal commit = lastCycle.isEmpty() ? null : lastWeekCategories.get(report.id()).commit().fin();
            children.add(new Child(report.id(), report.fullName(), report.role().name(), team.hasReports(report.id()),
                    amount(q), amount(s), amount(b), amount(w),
                    MetricRules.coverageRatio(team.sum(report.id(), openAmount), q, b),
                    MetricRules.shown(MetricRules.ratio(team.sum(report.id(), lastWeekWon), commit)),
                    MetricRules.needsMorePipeline(w, q, b), smallDeals(team, report.id(), small)));
        }

        return new Overview(id, person.fullName(), person.role().name(), organization.levelOf(id), team.hasReports(id),
                p.date(), rates.base(), p.weekKey(), p.month().toString(), p.quarterKey(),
                amount(quota), amount(stretch), amount(myBooked),
                new Pipelines(amount(team.sum(id, openAmount)), amount(team.sum(id, allOpen)), smallDeals(team, id, small)),
                MetricRules.forecast(myWeighted, quota, myBooked).in(Scope.PIPELINE_THIS_QUARTER),
                weeklyProgress(team, p, myWeighted, myBooked, quota).in(Scope.PIPELINE_THIS_QUARTER),
                MetricRules.commitAccuracy(lastCycle.isEmpty() ? null : lastWeekCategories.get(id).commit().fin(),
                        team.sum(id, lastWeekWon), thresholds.accuracyLow(), thresholds.accuracyHigh()).in(Scope.LAST_WEEK),
                linearity(team, p, quota).in(Scope.MONTH_TO_DATE),
                MetricRules.coverage(team.sum(id, openAmount), quota, myBooked, bands.coverageMin()).in(Scope.PIPELINE_THIS_QUARTER),
                pipelineGrowth(team, p, team.sum(id, allOpen)).in(Scope.PIPELINE_ALL_OPEN),
                commitGrowth(team, p).in(Scope.MONTH_TO_DATE),
                unfulfilled(id, p.quarterStart(), p).in(Scope.WON_THIS_QUARTER),
                unfulfilled(id, EARLIEST, p).in(Scope.WON_ALL_TIME),
                compliance(id, p).in(Scope.QUARTER_TO_DATE),
                children);
    }

    /** Earlier than any deal: "all time". */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private static SmallDealsInProgress smallDeals(Team team, String id, Map<String, PipelineFigures.SmallDeals> perOwner) {
        return SmallDealsInProgress.of(PipelineFigures.SmallDeals.of(perOwner, team.branch(id)));
    }

    /**
     * This week's forecast and quarter-to-date sales against last week's: the forecast then is read from the
     * latest snapshot taken last week that holds the whole branch, and last week's cumulative sales are the
     * quarter's sales up to the moment of that snapshot. Without such a snapshot the figure is NONE.
     */
    private Figure weeklyProgress(Team team, Periods p, BigDecimal thisWeekForecast, BigDecimal thisWeekSales, BigDecimal quota) {
        String id = team.root().id();
        Optional<MetricsQueries.Snapshot> snapshot = lastWeekSnapshot(id, p);
        BigDecimal lastForecast = null;
        BigDecimal lastSales = null;
        if (snapshot.isPresent()) {
            lastForecast = team.sum(id, MetricsQueries.weighted(queries.snapshot(snapshot.get().id(), id, p.quarterEnd(),
                    snapshot.get().takenAt().toLocalDate())));
            LocalDateTime quarterStart = p.quarterStart().atStartOfDay();
            LocalDateTime at = snapshot.get().takenAt();
            lastSales = at.isAfter(quarterStart) ? team.sum(id, queries.won(id, quarterStart, at)) : BigDecimal.ZERO;
        }
        Figure figure = MetricRules.weeklyProgress(thisWeekForecast, thisWeekSales, lastForecast, lastSales, quota, settings.weeksInQuarter());
        var inputs = new java.util.LinkedHashMap<>(figure.inputs());
        inputs.put("snapshotId", snapshot.map(s -> BigDecimal.valueOf(s.id())).orElse(null));
        return new Figure(figure.value(), figure.flag(), figure.threshold(), inputs);
    }

    public Optional<MetricsQueries.Snapshot> lastWeekSnapshot(String personId, Periods p) {
        return queries.coveringSnapshot(personId, organization.managersAbove(personId),
                p.weekStart().minusWeeks(1).atStartOfDay(), p.weekStart().atStartOfDay());
    }

    /** This month's weekly commits so far (weeks counted by their Monday) against their linear share of the quota. */
    private Figure linearity(Team team, Periods p, BigDecimal quota) {
        List<BigDecimal> commits = monthCommits(team, p.monthStart(), p.date().plusDays(1));
        BigDecimal total = commits.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal share = quota == null ? null : CommitCallRules.linearShare(quota, p.month());
        Figure figure = MetricRules.linearity(total, commits.size(), share, thresholds.linearityLow(), thresholds.linearityHigh());
        var inputs = new java.util.LinkedHashMap<>(figure.inputs());
        inputs.put("weeksInMonth", BigDecimal.valueOf(CommitCallRules.weeksInMonth(p.month())));
        return new Figure(figure.value(), figure.flag(), figure.threshold(), inputs);
    }

    /** The final (rolled-up) commit of the branch in each weekly cycle whose Monday is in [from, to), oldest first. */
    private List<BigDecimal> monthCommits(Team team, LocalDate from, LocalDate to) {
        String id = team.root().id();
        List<BigDecimal> commits = new ArrayList<>();
        queries.weeklyCycles(from, to).values().forEach(cycle ->
                commits.add(CategoryRules.compute(team, queries.commits(id, cycle)).get(id).commit().fin()));
        return commits;
    }

    /** The open pipeline now (all open funnel deals) against the same scope in the latest snapshot of last month holding the branch. */
    private Figure pipelineGrowth(Team team, Periods p, BigDecimal now) {
        String id = team.root().id();
        BigDecimal then = queries.coveringSnapshot(id, organization.managersAbove(id),
                        p.monthStart().minusMonths(1).atStartOfDay(), p.monthStart().atStartOfDay())
                .map(s -> team.sum(id, MetricsQueries.amounts(queries.snapshot(s.id(), id, null, s.takenAt().toLocalDate())))).orElse(null);
        return MetricRules.growth(now, then, bands.growthMin(), bands.growthGood());
    }

    /** The commits of this month's weeks so far against the same number of weeks at the start of last month. */
    private Figure commitGrowth(Team team, Periods p) {
        List<BigDecimal> thisMonth = monthCommits(team, p.monthStart(), p.date().plusDays(1));
        List<BigDecimal> lastMonth = monthCommits(team, p.monthStart().minusMonths(1), p.monthStart());
        int weeks = thisMonth.size();
        BigDecimal now = thisMonth.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal then = weeks == 0 || lastMonth.size() < weeks ? null
                : lastMonth.subList(0, weeks).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Figure figure = MetricRules.growth(now, then, bands.growthMin(), bands.growthGood());
        var inputs = new java.util.LinkedHashMap<>(figure.inputs());
        inputs.put("weeks", BigDecimal.valueOf(weeks));
        return new Figure(figure.value(), figure.flag(), figure.threshold(), inputs);
    }

    /** Won from {@code from} to the date (this quarter, or all time) and not paid. */
    private Figure unfulfilled(String id, LocalDate from, Periods p) {
        BigDecimal[] orders = queries.orders(id, from.atStartOfDay(), p.quarterToDateEnd().atStartOfDay());
        return MetricRules.unfulfilledShare(orders[1], orders[0], thresholds.unfulfilledMax());
    }

    private Figure compliance(String id, Periods p) {
        long[] counts = new long[4];
        queries.compliance(id, p.quarterStart(), p.quarterEnd()).forEach(row -> count(counts, row));
        return MetricRules.compliance(counts[0], counts[1], counts[2]);
    }

    /** onTime, late, missing, still open. */
    private static void count(long[] counts, MetricsQueries.ComplianceRow row) {
        switch (row.status()) {
            case "ON_TIME" -> counts[0] += row.reports();
            case "LATE" -> counts[1] += row.reports();
            case "MISSED" -> counts[2] += row.reports();
            default -> counts[3] += row.reports();
        }
    }

    /** The last {@code weeks} completed weeks, oldest first: commit as rolled up, won in the week, accuracy. */
    public AccuracyTrend accuracyTrend(Person person, int weeks, LocalDate date) {
        Checks.start().require(weeks >= 1 && weeks <= 52, "weeks must be between 1 and 52, got " + weeks + ".").orThrow();
        Periods p = Periods.of(date == null ? today() : date);
        String id = person.id();
        Team team = queries.team(id);
        LocalDate first = p.weekStart().minusWeeks(weeks);
        Map<LocalDate, Long> weekly = queries.weeklyCycles(first, p.weekStart());
        List<TrendWeek> rows = new ArrayList<>();
        for (LocalDate monday = first; monday.isBefore(p.weekStart()); monday = monday.plusWeeks(1)) {
            Long cycle = weekly.get(monday);
            BigDecimal commit = cycle == null ? null : CategoryRules.compute(team, queries.commits(id, cycle)).get(id).commit().fin();
            BigDecimal actual = team.sum(id, queries.won(id, monday.atStartOfDay(), monday.plusWeeks(1).atStartOfDay()));
            Figure accuracy = MetricRules.commitAccuracy(commit, actual, thresholds.accuracyLow(), thresholds.accuracyHigh());
            rows.add(new TrendWeek(com.salescadence.cadence.CycleKeys.weekKey(monday), monday, amount(commit), amount(actual),
                    accuracy.value(), accuracy.flag()));
        }
        return new AccuracyTrend(id, rows);
    }

    /** The forecast categories of a weekly cycle (the latest when null), per direct report and in total. */
    public CategoriesView categories(Person person, Long cycleId) {
        Cycle cycle = cycleId != null ? cycles.get(cycleId) : cycles.recent(Cadence.WEEKLY_COMMIT, 1).stream().findFirst()
                .orElseThrow(() -> new com.salescadence.common.NotFoundException("There is no weekly commit cycle yet."));
        Checks.start().require(cycle.cadence() == Cadence.WEEKLY_COMMIT, "Cycle " + cycle.id() + " is not a weekly commit cycle.").orThrow();
        String id = person.id();
        Team team = queries.team(id);
        Map<String, CategoryRules.Categories> categories = CategoryRules.compute(team, queries.commits(id, cycle.id()));
        Map<String, BigDecimal> pipeline = MetricsQueries.amounts(queries.open(id, null, today()));
        Map<String, PipelineFigures.SmallDeals> small = queries.smallDeals(id);
        List<Team.Member> members = team.hasReports(id) ? team.directReports(id) : List.of(team.root());
        List<CategoryRow> rows = new ArrayList<>();
        for (Team.Member member : members) {
            CategoryRules.Categories c = categories.get(member.id());
            rows.add(new CategoryRow(member.id(), member.fullName(), team.hasReports(member.id()), rounded(c.commit()),
                    rounded(c.upside()), amount(team.sum(member.id(), pipeline)), smallDeals(team, member.id(), small)));
        }
        CategoryRules.Categories total = categories.get(id);
        return new CategoriesView(cycle.id(), cycle.cycleKey(), id, Scope.PIPELINE_ALL_OPEN, rows,
                new CategoryTotal(rounded(total.commit()), rounded(total.upside()), amount(team.sum(id, pipeline)),
                        smallDeals(team, id, small)));
    }

    private static CategoryRules.Bucket rounded(CategoryRules.Bucket b) {
        return new CategoryRules.Bucket(amount(b.raw()), amount(b.own()), amount(b.adjustedAbove()), amount(b.fin()));
    }

    /** Report compliance of the branch in its last {@code limit} cycles (of every cadence, the running one included), oldest first. */
    public ComplianceView compliance(Person person, int limit) {
        Checks.start().require(limit >= 1 && limit <= 104, "cycles must be between 1 and 104, got " + limit + ".").orThrow();
        Map<Long, ComplianceCycle> byCycle = new java.util.LinkedHashMap<>();
        Map<Long, long[]> counts = new java.util.HashMap<>();
        List<MetricsQueries.ComplianceRow> rows = new ArrayList<>(queries.compliance(person.id(), LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31)));
        rows.sort(java.util.Comparator.comparing(MetricsQueries.ComplianceRow::periodStart).thenComparing(MetricsQueries.ComplianceRow::cycleId));
        for (MetricsQueries.ComplianceRow row : rows) {
            count(counts.computeIfAbsent(row.cycleId(), k -> new long[4]), row);
            byCycle.putIfAbsent(row.cycleId(), null);
        }
        List<ComplianceCycle> result = new ArrayList<>();
        for (MetricsQueries.ComplianceRow row : rows) {
            if (byCycle.get(row.cycleId()) == null) {
                long[] c = counts.get(row.cycleId());
                Figure rate = MetricRules.compliance(c[0], c[1], c[2]);
                ComplianceCycle cycle = new ComplianceCycle(row.cycleId(), row.cadence(), row.cycleKey(), c[0] + c[1] + c[2],
                        c[0], c[1], c[2], c[3], rate.value());
                byCycle.put(row.cycleId(), cycle);
                result.add(cycle);
            }
        }
        return new ComplianceView(person.id(), result.subList(Math.max(0, result.size() - limit), result.size()));
    }
}

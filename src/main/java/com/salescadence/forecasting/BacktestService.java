package com.salescadence.forecasting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.common.CurrencyRates;
import com.salescadence.forecasting.BacktestRules.Grade;
import com.salescadence.forecasting.BacktestRules.OpenLine;
import com.salescadence.forecasting.StageOutcomes.DealHistory;
import com.salescadence.forecasting.StageOutcomes.Entry;
import com.salescadence.metrics.MetricsQueries;
import com.salescadence.metrics.MetricsService;
import com.salescadence.metrics.MetricsViews.TrendWeek;
import com.salescadence.metrics.Periods;
import com.salescadence.metrics.Team;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.pipeline.stage.StageModelCatalog;

/**
 * The back-test of the three forecasts (issue 16, item 3) over the finished quarters before the date's: for every week
 * with a company snapshot (WEEKLY or HISTORY, the latest of the week), each method's forecast of that week's quarter by
 * {@link BacktestRules} (learned rates from the verdicts dated up to the snapshot only) against what was booked by the
 * quarter's end, for the person's branch and each first-line team in it; beside them the weekly commit against the
 * week's bookings as the metrics' accuracy trend has them. Four set-based queries (snapshots, their lines, the branch's
 * won deals, the company's decided deal histories), the rest in memory.
 */
@Service
@Transactional(readOnly = true)
public class BacktestService {

    public enum Level { BRANCH, TEAM }

    /** A week graded: each method's forecast of the quarter, booked so far, booked by the quarter's end; the week's commit and bookings. */
    public record BacktestWeek(String week, LocalDateTime snapshotAt, String quarter, BigDecimal configured, BigDecimal learned,
                               BigDecimal claimed, BigDecimal bookedSoFar, BigDecimal actual, BigDecimal commit, BigDecimal commitActual) {
    }

    /** A method's mean absolute percentage error and mean bias (shares) over the weeks graded. */
    public record MethodGrade(ForecastMethod method, BigDecimal ape, BigDecimal bias, int weeks) {
    }

    /** The grades of one quarter's weeks (the dashboard's chart, quarter by quarter). */
    public record QuarterGrade(String quarter, List<MethodGrade> methods, Grade commit) {
    }

    public record TeamBacktest(Level level, String personId, String name, List<MethodGrade> methods, Grade commit, List<QuarterGrade> quarters,
                               List<BacktestWeek> weeks) {
    }

    public record Backtest(String personId, LocalDate asOf, int quarters, LocalDate from, LocalDate to, List<TeamBacktest> teams) {
    }

    private record Line(long snapshot, String owner, String stage, BigDecimal amount, int configured, int claimed, LocalDate close) {
    }

    private record Won(String owner, BigDecimal amount, LocalDateTime closedAt) {
    }

    private final JdbcClient jdbc;
    private final MetricsQueries queries;
    private final MetricsService metrics;
    private final OrganizationService organization;
    private final StageModelCatalog stageModels;
    private final ForecastingSettings settings;
    private final CurrencyRates rates;
    private final Clock clock;
    private final WinRateService winRates;

    BacktestService(JdbcClient jdbc, MetricsQueries queries, MetricsService metrics, OrganizationService organization,
                    StageModelCatalog stageModels, ForecastingSettings settings, CurrencyRates rates, Clock clock, WinRateService winRates) {
        this.winRates = winRates;
        this.jdbc = jdbc;
        this.queries = queries;
        this.metrics = metrics;
        this.organization = organization;
        this.stageModels = stageModels;
        this.settings = settings;
        this.rates = rates;
        this.clock = clock;
    }

    public Backtest backtest(Person person, int quarters, LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = date == null ? today : date;
        Checks.start().require(quarters >= 1 && quarters <= 4, "季度数须在 1 到 4 之间，收到 " + quarters + "。 / quarters must be between 1 and 4, got "
                        + quarters + ".")
                .require(!day.isAfter(today), "日期 " + day + " 在未来：回测只看已结束的季度。 / date " + day
                        + " is in the future; the back-test grades finished quarters only.").orThrow();
        LocalDate to = day.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate from = to.minusMonths(3L * quarters);
        StageModel model = stageModels.active();
        List<String> open = model.stages().stream().filter(Stage::isOpen).map(Stage::code).toList();
        Team team = queries.team(person.id());

        Map<Long, LocalDateTime> snapshots = weeklySnapshots(from, to);
        List<Line> lines = lines(person.id(), model, from, to);
        List<Won> won = won(person.id(), from, to);
        List<DealHistory> history = history(model, to);
        Map<String, String> managerOf = winRates.managers();

        List<TeamBacktest> teams = new ArrayList<>();
        teams.add(grade(Level.BRANCH, team, person.id(), snapshots, lines, won, history, managerOf, open, from, to));
        for (String id : team.branch(person.id())) {
            boolean firstLine = team.hasReports(id) && team.directReports(id).stream().noneMatch(r -> team.hasReports(r.id()));
            if (!id.equals(person.id()) && firstLine) {
                teams.add(grade(Level.TEAM, team, id, snapshots, lines, won, history, managerOf, open, from, to));
            }
        }
        return new Backtest(person.id(), day, quarters, from, to, teams);
    }

    private TeamBacktest grade(Level level, Team team, String id, Map<Long, LocalDateTime> snapshots, List<Line> lines, List<Won> won,
                               List<DealHistory> history, Map<String, String> managerOf, List<String> open, LocalDate from, LocalDate to) {
        Set<String> owners = team.branch(id);
        Map<LocalDate, TrendWeek> commits = commits(id, from, to);
        Map<Long, List<OpenLine>> linesBySnapshot = new HashMap<>();
        for (Line line : lines) {
            LocalDateTime taken = snapshots.get(line.snapshot());
            if (taken != null && owners.contains(line.owner()) && line.close().isBefore(Periods.of(taken.toLocalDate()).quarterEnd())) {
                linesBySnapshot.computeIfAbsent(line.snapshot(), k -> new ArrayList<>())
                        .add(new OpenLine(line.owner(), line.stage(), line.amount(), line.configured(), line.claimed()));
            }
        }
        List<BacktestRules.Week> graded = new ArrayList<>();
        List<BigDecimal[]> commitPairs = new ArrayList<>();
        List<BacktestWeek> weeks = new ArrayList<>();
        snapshots.forEach((snapshot, taken) -> {
            Periods p = Periods.of(taken.toLocalDate());
            LocalDateTime qStart = p.quarterStart().atStartOfDay();
            LocalDateTime qEnd = p.quarterEnd().atStartOfDay();
            BigDecimal booked = BigDecimal.ZERO;
            BigDecimal actual = BigDecimal.ZERO;
            for (Won w : won) {
                if (owners.contains(w.owner()) && !w.closedAt().isBefore(qStart) && w.closedAt().isBefore(qEnd)) {
                    actual = actual.add(w.amount());
                    if (!w.closedAt().isAfter(taken)) {
                        booked = booked.add(w.amount());
                    }
                }
            }
            Map<ForecastMethod, BigDecimal> forecasts = BacktestRules.forecasts(linesBySnapshot.getOrDefault(snapshot, List.of()), booked,
                    history, open, taken, settings.priorStrength(), settings.minDeals(), managerOf);
            graded.add(new BacktestRules.Week(p.weekKey(), p.quarterKey(), forecasts, actual));
            TrendWeek commit = commits.get(p.weekStart());
            BigDecimal committed = commit == null ? null : commit.commit();
            BigDecimal commitActual = commit == null ? null : commit.actual();
            commitPairs.add(new BigDecimal[] {committed, commitActual});
            weeks.add(new BacktestWeek(p.weekKey(), taken, p.quarterKey(), money(forecasts.get(ForecastMethod.CONFIGURED)),
                    money(forecasts.get(ForecastMethod.LEARNED)), money(forecasts.get(ForecastMethod.CLAIMED)), money(booked), money(actual),
                    committed, commitActual));
        });
        Map<String, List<BacktestRules.Week>> gradedByQuarter = new TreeMap<>();
        Map<String, List<BigDecimal[]>> commitsByQuarter = new TreeMap<>();
        for (int i = 0; i < graded.size(); i++) {
            gradedByQuarter.computeIfAbsent(graded.get(i).quarter(), k -> new ArrayList<>()).add(graded.get(i));
            commitsByQuarter.computeIfAbsent(graded.get(i).quarter(), k -> new ArrayList<>()).add(commitPairs.get(i));
        }
        List<QuarterGrade> quarters = new ArrayList<>();
        gradedByQuarter.forEach((quarter, quarterWeeks) -> quarters.add(new QuarterGrade(quarter, methodGrades(quarterWeeks),
                BacktestRules.grade(commitsByQuarter.get(quarter)))));
        return new TeamBacktest(level, id, team.member(id).fullName(), methodGrades(graded), BacktestRules.grade(commitPairs), quarters, weeks);
    }

    private static List<MethodGrade> methodGrades(List<BacktestRules.Week> weeks) {
        List<MethodGrade> methods = new ArrayList<>();
        BacktestRules.grade(weeks).forEach((method, g) -> methods.add(new MethodGrade(method, g.ape(), g.bias(), g.weeks())));
        return methods;
    }

    /** The weekly commit and the week's bookings of the weeks from {@code from} to {@code to}, by Monday (the metrics' trend, 52 weeks a call). */
    private Map<LocalDate, TrendWeek> commits(String id, LocalDate from, LocalDate to) {
        Person person = organization.person(id);
        LocalDate firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastMonday = to.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<LocalDate, TrendWeek> byMonday = new HashMap<>();
        long remaining = ChronoUnit.WEEKS.between(firstMonday, lastMonday) + 1;
        for (LocalDate next = lastMonday.plusWeeks(1); remaining > 0; ) {
            int n = (int) Math.min(52, remaining);
            metrics.accuracyTrend(person, n, next).weeks().forEach(w -> byMonday.put(w.weekStart(), w));
            next = next.minusWeeks(n);
            remaining -= n;
        }
        return byMonday;
    }

    /** The latest company snapshot (weekly timer's or reconstructed) of each week in [from, to): id and when. */
    private Map<Long, LocalDateTime> weeklySnapshots(LocalDate from, LocalDate to) {
        Map<LocalDate, Object[]> byWeek = new TreeMap<>();
        jdbc.sql("""
                select id, taken_at from pipeline_snapshot
                where person_id is null and kind in ('WEEKLY', 'HISTORY') and taken_at >= :from and taken_at < :to
                order by taken_at, id""")
                .param("from", from.atStartOfDay()).param("to", to.atStartOfDay())
                .query(rs -> {
                    LocalDateTime taken = rs.getObject("taken_at", LocalDateTime.class);
                    byWeek.put(Periods.of(taken.toLocalDate()).weekStart(), new Object[] {rs.getLong("id"), taken});
                });
        Map<Long, LocalDateTime> snapshots = new LinkedHashMap<>();
        byWeek.values().forEach(s -> snapshots.put((Long) s[0], (LocalDateTime) s[1]));
        return snapshots;
    }

    /** The open lines of the active model held by the company snapshots in [from, to) for the branch, per snapshot, owner, stage, rates and close date. */
    private List<Line> lines(String personId, StageModel model, LocalDate from, LocalDate to) {
        List<Line> lines = new ArrayList<>();
        jdbc.sql(queries.teamSql() + """
                select l.snapshot_id, l.owner_id, l.stage_code, l.win_rate, l.probability, l.expected_close_date, l.currency,
                       sum(l.amount) as total
                from pipeline_snapshot_line l join team t on t.id = l.owner_id join pipeline_snapshot s on s.id = l.snapshot_id
                where s.person_id is null and s.kind in ('WEEKLY', 'HISTORY') and s.taken_at >= :from and s.taken_at < :to
                  and l.status = 'OPEN' and l.stage_model = :model
                group by l.snapshot_id, l.owner_id, l.stage_code, l.win_rate, l.probability, l.expected_close_date, l.currency""")
                .param("person", personId).param("model", model.id()).param("from", from.atStartOfDay()).param("to", to.atStartOfDay())
                .query(rs -> {
                    lines.add(new Line(rs.getLong("snapshot_id"), rs.getString("owner_id"), rs.getString("stage_code"),
                            rates.toBase(rs.getString("currency"), rs.getBigDecimal("total")), rs.getInt("win_rate"), rs.getInt("probability"),
                            rs.getObject("expected_close_date", LocalDate.class)));
                });
        return lines;
    }

    /** The branch's won deals (out-of-funnel sales too) closed in [from, to). */
    private List<Won> won(String personId, LocalDate from, LocalDate to) {
        return jdbc.sql(queries.teamSql() + """
                select o.owner_id, o.currency, o.amount, o.closed_at from opportunity o join team t on t.id = o.owner_id
                where o.status = 'WON' and o.closed_at >= :from and o.closed_at < :to""")
                .param("person", personId).param("from", from.atStartOfDay()).param("to", to.atStartOfDay())
                .query((rs, row) -> new Won(rs.getString("owner_id"), rates.toBase(rs.getString("currency"), rs.getBigDecimal("amount")),
                        rs.getObject("closed_at", LocalDateTime.class))).list();
    }

    /** The company's in-funnel deals of the model won or lost before {@code to}, with their dated stage entries. */
    private List<DealHistory> history(StageModel model, LocalDate to) {
        Map<Long, DealHistory> deals = new LinkedHashMap<>();
        jdbc.sql("""
                select o.id, o.owner_id, o.status, o.closed_at, h.to_stage, h.changed_at
                from opportunity o join stage_history h on h.opportunity_id = o.id
                where o.stage_model = :model and o.in_funnel = true and o.status in ('WON', 'LOST') and o.closed_at < :to
                order by o.id, h.changed_at, h.id""")
                .param("model", model.id()).param("to", to.atStartOfDay())
                .query(rs -> {
                    long id = rs.getLong("id");
                    if (!deals.containsKey(id)) {
                        deals.put(id, new DealHistory(rs.getString("owner_id"), true, rs.getString("status"),
                                rs.getObject("closed_at", LocalDateTime.class), new ArrayList<>()));
                    }
                    deals.get(id).entries().add(new Entry(rs.getString("to_stage"), rs.getObject("changed_at", LocalDateTime.class)));
                });
        return List.copyOf(deals.values());
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
}

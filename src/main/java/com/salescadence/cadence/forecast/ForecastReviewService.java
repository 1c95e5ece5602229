package com.salescadence.cadence.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.Submission;
import com.salescadence.cadence.forecast.ForecastChecks.Figures;
import com.salescadence.cadence.forecast.ForecastPrefill.MonthFigures;
import com.salescadence.cadence.forecast.ForecastReviewView.Line;
import com.salescadence.common.Checks;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Quota;
import com.salescadence.organization.QuotaService;
import com.salescadence.organization.Role;

/** A first-line manager's monthly forecast review: each rep's checks and the team's, and the recorded review. */
@Service
@Transactional
public class ForecastReviewService {

    public static final int NOTES_MAX = 4000;
    /** The team's flag code when forecasts of its reps are missing (how many: the sheet's missing names). */
    public static final String FORECASTS_MISSING = "FORECASTS_MISSING";

    private final ForecastRepository forecasts;
    private final MonthlyForecastService monthly;
    private final ComplianceService compliance;
    private final CycleService cycles;
    private final OrganizationService organization;
    private final QuotaService quotas;
    private final MonthlyForecastSettings settings;

    ForecastReviewService(ForecastRepository forecasts, MonthlyForecastService monthly, ComplianceService compliance,
                          CycleService cycles, OrganizationService organization, QuotaService quotas,
                          MonthlyForecastSettings settings) {
        this.forecasts = forecasts;
        this.monthly = monthly;
        this.compliance = compliance;
        this.cycles = cycles;
        this.organization = organization;
        this.quotas = quotas;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public ForecastReviewView view(long cycleId, String managerId) {
        Cycle cycle = cycles.get(cycleId);
        Optional<Cycle> previous = cycles.previous(cycle);
        YearMonth first = MonthlyForecastService.firstMonth(cycle);
        List<Line> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> withoutTarget = new LinkedHashSet<>();
        // set-based: each read below is one statement for the whole team, whatever its size (issue 14 item 5)
        List<Person> reps = organization.directReports(managerId).stream().filter(rep -> rep.role() == Role.REP).toList();
        List<String> repIds = reps.stream().map(Person::id).toList();
        Map<String, ForecastReport> reports = forecasts.reports(cycle.id(), repIds);
        Map<String, ForecastReport> lastReports = previous.map(p -> forecasts.reports(p.id(), repIds)).orElse(Map.of());
        Map<String, Submission> submissions = new java.util.HashMap<>();
        compliance.ofCycle(cycle.id(), ReportType.FORECAST, repIds).forEach(s -> submissions.put(s.personId(), s));
        List<String> withoutReport = repIds.stream().filter(id -> !reports.containsKey(id)).toList();
        Map<String, List<MonthFigures>> pipelines = withoutReport.isEmpty() ? Map.of() : monthly.pipelineByMonth(withoutReport, first);
        Map<String, Map<String, Quota>> quotasByQuarter = new java.util.HashMap<>();
        for (Person rep : reps) {
            Optional<ForecastReport> report = Optional.ofNullable(reports.get(rep.id()));
            Optional<ForecastReport> last = Optional.ofNullable(lastReports.get(rep.id()));
            String status = Optional.ofNullable(submissions.get(rep.id())).map(s -> s.status().name()).orElse("DUE");
            BigDecimal pipeline;
            BigDecimal weighted;
            if (report.isPresent()) {
                pipeline = report.get().pipelineAmount();
                weighted = report.get().weightedAmount();
            } else {
                List<MonthFigures> now = pipelines.get(rep.id());
                pipeline = ForecastPrefill.totalPipeline(now);
                weighted = ForecastPrefill.totalWeighted(now);
                missing.add(rep.fullName());
            }
            ForecastChecks.Stretch stretch = ForecastChecks.stretch12(first, quarter -> Optional.ofNullable(quotasByQuarter
                    .computeIfAbsent(quarter, q -> quotas.find(repIds, q)).get(rep.id())).map(Quota::stretchAmount));
            withoutTarget.addAll(stretch.quartersWithoutTarget().stream().map(q -> rep.fullName() + " " + q).toList());
            Figures figures = new Figures(report.map(ForecastReport::forecastAmount).orElse(null), stretch.amount(), pipeline, weighted,
                    last.map(ForecastReport::forecastAmount).orElse(null), last.map(ForecastReport::pipelineAmount).orElse(null),
                    last.map(ForecastReport::weightedAmount).orElse(null));
            lines.add(new Line(rep.id(), rep.fullName(), status, figures, figures.flagCodes(settings), figures.flags(settings)));
        }
        Figures teamFigures = new Figures(sum(lines, Figures::forecast), sum(lines, Figures::stretch), sum(lines, Figures::pipeline),
                sum(lines, Figures::weighted), sum(lines, Figures::lastForecast), sum(lines, Figures::lastPipeline),
                sum(lines, Figures::lastWeighted));
        List<String> teamCodes = new ArrayList<>(teamFigures.flagCodes(settings));
        teamCodes.remove(ForecastChecks.NO_FORECAST);
        if (!missing.isEmpty()) {
            teamCodes.add(0, FORECASTS_MISSING);
        }
        List<String> teamFlags = teamCodes.stream().map(code -> FORECASTS_MISSING.equals(code)
                ? missing.size() + " of " + lines.size() + " forecasts missing" : teamFigures.flagText(code, settings)).toList();
        Line team = new Line(managerId, "Team " + organization.findPerson(managerId).map(Person::fullName).orElse(managerId),
                missing.isEmpty() ? "COMPLETE" : "INCOMPLETE", teamFigures, List.copyOf(teamCodes), teamFlags);
        return new ForecastReviewView(cycle.cycleKey(), managerId, first, lines, team, missing, List.copyOf(withoutTarget));
    }

    /**
     * What the review form (forms/review-monthly-forecast.html) shows, read when it opens: figures as numbers, ratios
     * in percent with one decimal, growth grades and flags as codes (the form words them in the reader's language).
     */
    @Transactional(readOnly = true)
    public ForecastReviewSheet sheet(long cycleId, String managerId) {
        ForecastReviewView view = view(cycleId, managerId);
        ForecastReviewSheet.Row team = sheetRow(view.team(), organization.findPerson(managerId).map(Person::fullName).orElse(managerId));
        return new ForecastReviewSheet(cycleId, view.cycleKey(), view.firstMonth().toString(),
                view.firstMonth().plusMonths(ForecastMonths.MONTHS - 1).toString(),
                new ForecastReviewSheet.Thresholds(percent(settings.stretchMin()), percent(settings.coverageMin()),
                        percent(settings.growthMin()), percent(settings.growthGood())),
                view.lines().stream().map(line -> sheetRow(line, line.name())).toList(), team, view.missing(),
                view.quartersWithoutTarget());
    }

    private ForecastReviewSheet.Row sheetRow(Line line, String name) {
        Figures f = line.figures();
        return new ForecastReviewSheet.Row(line.personId(), name, line.status(), f.forecast(), f.stretch(),
                percent(f.forecastVsStretch()), f.pipeline(), f.weighted(), percent(f.coverage()), percent(f.pipelineGrowth()),
                ForecastChecks.grade(f.pipelineGrowth(), settings).name(), percent(f.forecastGrowth()),
                ForecastChecks.grade(f.forecastGrowth(), settings).name(), percent(f.quality()), percent(f.lastQuality()),
                f.qualityChange().map(ForecastReviewService::percent).orElse(null), line.flagCodes());
    }

    /** A fraction (0.0500) in percent with one decimal (5.0); null for none. */
    private static BigDecimal percent(Optional<BigDecimal> fraction) {
        return fraction.map(ForecastReviewService::percent).orElse(null);
    }

    private static BigDecimal percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    /** The review's table: one row per rep, then the team. */
    public List<Map<String, Object>> tableRows(ForecastReviewView view) {
        List<Map<String, Object>> rows = new ArrayList<>();
        view.lines().forEach(line -> rows.add(row(line)));
        rows.add(row(view.team()));
        return rows;
    }

    public String brief(ForecastReviewView view) {
        Figures team = view.team().figures();
        StringBuilder text = new StringBuilder("Monthly forecast ").append(view.cycleKey()).append(": the 12 months ")
                .append(view.firstMonth()).append(" to ").append(view.firstMonth().plusMonths(ForecastMonths.MONTHS - 1))
                .append("\nTeam forecast ").append(amount(team.forecast())).append(" vs stretch target ").append(amount(team.stretch()))
                .append(" (").append(ForecastChecks.percent(team.forecastVsStretch())).append(")")
                .append("\nPipeline ").append(amount(team.pipeline())).append(" = ").append(ForecastChecks.percent(team.coverage()))
                .append(" of target (at least ").append(ForecastChecks.percent(settings.coverageMin())).append(")")
                .append("\nGrowth vs last month: pipeline ").append(ForecastChecks.growthText(team.pipelineGrowth(), settings))
                .append(", forecast ").append(ForecastChecks.growthText(team.forecastGrowth(), settings))
                .append(" (at least ").append(ForecastChecks.percent(settings.growthMin())).append(", good from ")
                .append(ForecastChecks.percent(settings.growthGood())).append(")")
                .append("\nPipeline quality (weighted / raw pipeline, the average win rate): ").append(quality(team));
        text.append("\nMissing forecasts: ").append(view.missing().isEmpty() ? "none" : String.join(", ", view.missing()));
        if (!view.quartersWithoutTarget().isEmpty()) {
            text.append("\nNo stretch target set for: ").append(String.join(", ", view.quartersWithoutTarget()));
        }
        if (!view.team().flags().isEmpty()) {
            text.append("\nFlags: ").append(String.join("; ", view.team().flags()));
        }
        return text.toString();
    }

    /** Records the manager's review notes with the team's figures as reviewed. */
    public ForecastReview submit(long submissionId, String notes) {
        Checks.start().requiredText(notes, "Review notes", NOTES_MAX).orThrow();
        Submission submission = compliance.get(submissionId);
        ForecastReviewView view = view(submission.cycleId(), submission.personId());
        Submission recorded = compliance.recordSubmitted(submissionId);
        Figures team = view.team().figures();
        forecasts.insertReview(submissionId, submission.cycleId(), submission.personId(), orZero(team.forecast()), orZero(team.stretch()),
                orZero(team.pipeline()), view.missing().size(), notes.trim(), recorded.submittedAt());
        return forecasts.review(submission.cycleId(), submission.personId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<ForecastReview> review(long cycleId, String managerId) {
        return forecasts.review(cycleId, managerId);
    }


    private Map<String, Object> row(Line line) {
        Figures f = line.figures();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("person", line.name());
        row.put("status", line.status());
        row.put("forecast", amount(f.forecast()));
        row.put("stretch", amount(f.stretch()));
        row.put("vsStretch", ForecastChecks.percent(f.forecastVsStretch()));
        row.put("pipeline", amount(f.pipeline()));
        row.put("coverage", ForecastChecks.percent(f.coverage()));
        row.put("pipelineGrowth", ForecastChecks.growthText(f.pipelineGrowth(), settings));
        row.put("forecastGrowth", ForecastChecks.growthText(f.forecastGrowth(), settings));
        row.put("quality", quality(f));
        row.put("flags", String.join("; ", line.flags()));
        return row;
    }

    private static String quality(Figures f) {
        return ForecastChecks.percent(f.quality()) + f.lastQuality().map(last -> " (last month " + ForecastChecks.percent(last) + ")").orElse("");
    }

    private static String amount(BigDecimal value) {
        return value == null ? "-" : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static BigDecimal sum(List<Line> lines, Function<Figures, BigDecimal> figure) {
        BigDecimal total = null;
        for (Line line : lines) {
            BigDecimal value = figure.apply(line.figures());
            if (value != null) {
                total = total == null ? value : total.add(value);
            }
        }
        return total;
    }
}

package com.salescadence.cadence.forecast;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.Submission;
import com.salescadence.cadence.forecast.ForecastPrefill.MonthFigures;
import com.salescadence.cadence.forecast.ForecastPrefill.PipelineDeal;
import com.salescadence.common.RowProblems;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.FunnelPolicy;

/**
 * A rep's monthly 12-month forecast: prefilled from the open pipeline by expected close month, checked,
 * and frozen with its action plan and the pipeline it rested on. Also the second escalation of a
 * forecast that is still missing.
 */
@Service
@Transactional
public class MonthlyForecastService {

    public static final int ACTION_PLAN_MAX = 4000;

    private final ForecastRepository forecasts;
    private final ComplianceService compliance;
    private final CycleService cycles;
    private final OpportunityService opportunities;
    private final OrganizationService organization;
    private final Clock clock;

    MonthlyForecastService(ForecastRepository forecasts, ComplianceService compliance, CycleService cycles,
                           OpportunityService opportunities, OrganizationService organization, Clock clock) {
        this.clock = clock;
        this.forecasts = forecasts;
        this.compliance = compliance;
        this.cycles = cycles;
        this.opportunities = opportunities;
        this.organization = organization;
    }

    /** The first of the 12 months a cycle forecasts: the cycle's own month. */
    public static YearMonth firstMonth(Cycle cycle) {
        return YearMonth.from(cycle.periodStart());
    }

    /** The rep's open pipeline in the 12 months, raw and weighted by stage win rate, per expected close month. */
    @Transactional(readOnly = true)
    public List<MonthFigures> pipelineByMonth(String repId, YearMonth first) {
        return pipelineByMonth(List.of(repId), first).get(repId);
    }

    /** {@link #pipelineByMonth(String, YearMonth)} of each of these reps, from one read of their deals. */
    public Map<String, List<MonthFigures>> pipelineByMonth(java.util.Collection<String> repIds, YearMonth first) {
        Map<String, List<PipelineDeal>> deals = new java.util.HashMap<>();
        repIds.forEach(rep -> deals.put(rep, new java.util.ArrayList<>()));
        opportunities.ownedBy(repIds).stream()
                .filter(o -> FunnelPolicy.isPipeline(o.status(), o.inFunnel()))
                .sorted(Comparator.comparing(Opportunity::expectedCloseDate))
                .forEach(deal -> deals.get(deal.ownerId()).add(new PipelineDeal(deal.amount(), deal.expectedCloseDate(),
                        opportunities.modelOf(deal).find(deal.stageCode()).map(s -> s.winRate()).orElse(0))));
        Map<String, List<MonthFigures>> byRep = new java.util.HashMap<>();
        deals.forEach((rep, own) -> byRep.put(rep, ForecastPrefill.byMonth(own, first)));
        return byRep;
    }

    /**
     * The grid of a rep's forecast: the 12 months with their pipeline, raw and weighted (what each month is prefilled
     * with), last month's forecast of each month, the totals, and last month's forecast and action plan.
     */
    @Transactional(readOnly = true)
    public ForecastSheet sheet(String repId, Cycle cycle) {
        YearMonth first = firstMonth(cycle);
        List<MonthFigures> months = pipelineByMonth(repId, first);
        Optional<Cycle> previous = cycles.previous(cycle);
        Optional<ForecastReport> last = previous.flatMap(p -> forecasts.report(p.id(), repId));
        Map<YearMonth, BigDecimal> lastByMonth = new LinkedHashMap<>();
        last.ifPresent(report -> forecasts.months(report.id()).forEach(m -> lastByMonth.put(YearMonth.from(m.monthStart()), m.amount())));
        List<ForecastSheet.Month> rows = months.stream().map(m -> new ForecastSheet.Month(m.month().toString(), m.pipeline(),
                m.weighted(), lastByMonth.get(m.month()))).toList();
        ForecastSheet.LastForecast lastForecast = last.map(r -> new ForecastSheet.LastForecast(previous.get().cycleKey(),
                r.forecastAmount(), r.pipelineAmount(), r.actionPlan())).orElse(null);
        return new ForecastSheet(cycle.id(), cycle.cycleKey(), first.toString(), first.plusMonths(ForecastMonths.MONTHS - 1).toString(),
                rows, ForecastPrefill.totalPipeline(months), ForecastPrefill.totalWeighted(months), lastForecast);
    }

    /**
     * Checks and freezes a rep's forecast. Refused without storing anything, each problem at its month: a negative
     * amount, a month outside the 12, a month twice or missing, more rows than months, no action plan.
     */
    public ForecastReport submit(long submissionId, List<Map<String, Object>> rows, String actionPlan) {
        Submission submission = compliance.get(submissionId);
        Cycle cycle = cycles.get(submission.cycleId());
        YearMonth first = firstMonth(cycle);
        RowProblems problems = RowProblems.start();
        Map<YearMonth, BigDecimal> amounts = ForecastMonths.check(rows, first, problems);
        if (actionPlan == null || actionPlan.isBlank()) {
            problems.general("请填写月度行动计划。", "The monthly action plan is required.");
        } else if (actionPlan.length() > ACTION_PLAN_MAX) {
            problems.general("月度行动计划太长：最多 " + ACTION_PLAN_MAX + " 个字符。",
                    "The monthly action plan is too long: at most " + ACTION_PLAN_MAX + " characters.");
        }
        problems.orThrow();
        Submission recorded = compliance.recordSubmitted(submissionId);
        List<MonthFigures> pipeline = pipelineByMonth(submission.personId(), first);
        BigDecimal total = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        long reportId = forecasts.insertReport(submissionId, cycle.id(), submission.personId(), first.atDay(1), total,
                ForecastPrefill.totalPipeline(pipeline), ForecastPrefill.totalWeighted(pipeline), actionPlan.trim(),
                recorded.submittedAt());
        for (MonthFigures month : pipeline) {
            forecasts.insertMonth(reportId, month, amounts.get(month.month()));
        }
        return forecasts.report(cycle.id(), submission.personId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<ForecastReport> report(long cycleId, String personId) {
        return forecasts.report(cycleId, personId);
    }

    @Transactional(readOnly = true)
    public List<ForecastMonth> months(long reportId) {
        return forecasts.months(reportId);
    }

    /**
     * A forecast still missing well after its deadline goes one level further up (level 2: the
     * manager's manager), once. Returns who was told, or empty when it was submitted meanwhile, was
     * already escalated that far, or there is nobody above the manager.
     */
    public Optional<String> escalateFurther(long submissionId, String reason) {
        Submission submission = compliance.get(submissionId);
        List<String> above = organization.managersAbove(submission.personId());
        if (above.size() < 2) {
            return Optional.empty();
        }
        return forecasts.escalateOnce(submissionId, above.get(1), 2, reason, LocalDateTime.now(clock)) ? Optional.of(above.get(1)) : Optional.empty();
    }

}

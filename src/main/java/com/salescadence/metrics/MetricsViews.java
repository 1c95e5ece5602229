package com.salescadence.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/** The JSON shapes of /api/metrics (the contract the dashboard is built against); nulls are written as null. */
public final class MetricsViews {

    private MetricsViews() {
    }

    /**
     * The open pipeline by scope, named: {@code thisQuarter} (funnel deals closing by the quarter's end: what forecast,
     * coverage and weekly progress count), {@code allOpen} (every open funnel deal: what pipeline growth and the
     * categories count), and beside them the open out-of-funnel deals, which are in no forecast, pipeline or coverage.
     */
    @JsonInclude(Include.ALWAYS)
    public record Pipelines(BigDecimal thisQuarter, BigDecimal allOpen, SmallDealsInProgress smallDealsInProgress) {
    }

    /** Open out-of-funnel (small) deals, any close date: they count as sales once won, never as pipeline. */
    @JsonInclude(Include.ALWAYS)
    public record SmallDealsInProgress(long count, BigDecimal amount) {

        static SmallDealsInProgress of(com.salescadence.pipeline.PipelineFigures.SmallDeals deals) {
            return new SmallDealsInProgress(deals.count(), MetricRules.amount(deals.amount()));
        }
    }

    @JsonInclude(Include.ALWAYS)
    public record Overview(String personId, String name, String role, int level, boolean team, LocalDate asOf, String currency,
                           String week, String month, String quarter, BigDecimal quota, BigDecimal stretch, BigDecimal booked,
                           Pipelines pipeline,
                           Figure forecast, Figure weeklyProgress, Figure commitAccuracy, Figure linearity, Figure coverage,
                           Figure pipelineGrowth, Figure commitGrowth, Figure unfulfilledShare, Figure unfulfilledShareAllTime,
                           Figure compliance, List<Child> children) {
    }

    @JsonInclude(Include.ALWAYS)
    public record Child(String personId, String name, String role, boolean team, BigDecimal quota, BigDecimal stretch,
                        BigDecimal booked, BigDecimal forecast, BigDecimal coverage, BigDecimal commitAccuracy,
                        boolean needsMorePipeline, SmallDealsInProgress smallDealsInProgress) {
    }

    @JsonInclude(Include.ALWAYS)
    public record AccuracyTrend(String personId, List<TrendWeek> weeks) {
    }

    @JsonInclude(Include.ALWAYS)
    public record TrendWeek(String week, LocalDate weekStart, BigDecimal commit, BigDecimal actual, BigDecimal accuracy, Flag flag) {
    }

    /** pipelineScope names what each row's pipeline counts (every open funnel deal, live); small deals are beside it. */
    @JsonInclude(Include.ALWAYS)
    public record CategoriesView(long cycleId, String cycleKey, String personId, Scope pipelineScope, List<CategoryRow> rows,
                                 CategoryTotal total) {
    }

    @JsonInclude(Include.ALWAYS)
    public record CategoryRow(String personId, String name, boolean team, CategoryRules.Bucket commit, CategoryRules.Bucket upside,
                              BigDecimal pipeline, SmallDealsInProgress smallDealsInProgress) {
    }

    @JsonInclude(Include.ALWAYS)
    public record CategoryTotal(CategoryRules.Bucket commit, CategoryRules.Bucket upside, BigDecimal pipeline,
                                SmallDealsInProgress smallDealsInProgress) {
    }

    /** due = reports whose deadline has passed (on time + late + missing); open = still before their deadline. */
    @JsonInclude(Include.ALWAYS)
    public record ComplianceCycle(long cycleId, String cadence, String cycleKey, long due, long onTime, long late, long missing,
                                  long open, BigDecimal rate) {
    }

    @JsonInclude(Include.ALWAYS)
    public record ComplianceView(String personId, List<ComplianceCycle> cycles) {
    }
}

package com.salescadence.cadence.forecast;

import java.math.BigDecimal;
import java.util.List;

/**
 * A first-line manager's forecast review as the form (forms/review-monthly-forecast.html) reads it when it opens: the
 * process keeps only ids. Figures are numbers (the form formats them), ratios are percents with one decimal (37.5),
 * null when there is nothing to divide by or no figure of last month; statuses, growth grades and flags are codes the
 * form words in the reader's language.
 *
 * @param firstMonth            the first of the 12 months (2023-03); lastMonth the last
 * @param thresholds            the checks' settings, in percent
 * @param reps                  one row per rep of the team
 * @param team                  the team's row (name: the manager's), sums of the reps' rows
 * @param missing               names of the reps whose forecast is missing
 * @param quartersWithoutTarget "name quarter" of each quarter of the 12 months a rep has no stretch target for
 */
public record ForecastReviewSheet(long cycleId, String cycleKey, String firstMonth, String lastMonth, Thresholds thresholds,
                                  List<Row> reps, Row team, List<String> missing, List<String> quartersWithoutTarget) {

    /** The settings the checks compare with (cadence.monthly-forecast.*), in percent. */
    public record Thresholds(BigDecimal stretchMinPercent, BigDecimal coverageMinPercent, BigDecimal growthMinPercent,
                             BigDecimal growthGoodPercent) {
    }

    /**
     * One rep (or the team).
     *
     * @param status           ON_TIME, LATE, MISSED, DUE (not submitted yet); the team's COMPLETE or INCOMPLETE
     * @param forecast         the 12 months' forecast; null when none was submitted
     * @param pipelineGrowth   grade of the pipeline's growth vs last month: GOOD, OK, LOW, UNKNOWN (no figure)
     * @param qualityChangePoints quality now minus last month's, in percentage points
     * @param flags            NO_FORECAST, NO_STRETCH_TARGET, BELOW_STRETCH, LOW_COVERAGE, LOW_PIPELINE_GROWTH,
     *                         LOW_FORECAST_GROWTH, QUALITY_FELL; the team's FORECASTS_MISSING
     */
    public record Row(String personId, String name, String status, BigDecimal forecast, BigDecimal stretch,
                      BigDecimal forecastVsStretchPercent, BigDecimal pipeline, BigDecimal weighted, BigDecimal coveragePercent,
                      BigDecimal pipelineGrowthPercent, String pipelineGrowth, BigDecimal forecastGrowthPercent, String forecastGrowth,
                      BigDecimal qualityPercent, BigDecimal lastQualityPercent, BigDecimal qualityChangePoints, List<String> flags) {
    }
}

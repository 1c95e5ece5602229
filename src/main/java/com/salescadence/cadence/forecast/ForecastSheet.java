package com.salescadence.cadence.forecast;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rep's 12-month forecast as the grid (forms/submit-monthly-forecast.html) reads it when it opens: the process
 * keeps only ids. One row per month (month like 2027-01) with the open pipeline closing in it, raw and weighted by
 * stage win rate (the amount the grid prefills), and what the rep forecast for that month last month (null: no
 * forecast then); the totals; last month's forecast and action plan (null when there was none).
 */
public record ForecastSheet(long cycleId, String cycleKey, String firstMonth, String lastMonth, List<Month> months,
                            BigDecimal pipeline, BigDecimal weighted, LastForecast lastForecast) {

    /** One month of the grid. */
    public record Month(String month, BigDecimal pipeline, BigDecimal weighted, BigDecimal lastForecast) {
    }

    /** The rep's forecast of the month before: its 12-month total, the pipeline it rested on, its action plan. */
    public record LastForecast(String cycleKey, BigDecimal forecast, BigDecimal pipeline, String actionPlan) {
    }
}

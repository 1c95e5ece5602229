package com.salescadence.cadence.forecast;

import java.time.YearMonth;
import java.util.List;

import com.salescadence.cadence.forecast.ForecastChecks.Figures;

/**
 * What a first-line manager's forecast review shows: one line per rep and the team's line (sums of the
 * lines: forecasts of the reps who submitted, everyone's stretch target and pipeline, last month's frozen
 * reports of the same reps).
 */
public record ForecastReviewView(String cycleKey, String managerId, YearMonth firstMonth, List<Line> lines, Line team,
                                 List<String> missing, List<String> quartersWithoutTarget) {

    /**
     * @param status  ON_TIME, LATE, MISSED or DUE (not submitted yet)
     * @param figures the frozen figures of the rep's report; for a rep without a report, the pipeline as it is now
     * @param flagCodes what to look at, as codes (ForecastChecks.Figures#flagCodes; the team's FORECASTS_MISSING)
     * @param flags     the same in English words
     */
    public record Line(String personId, String name, String status, Figures figures, List<String> flagCodes, List<String> flags) {
    }
}

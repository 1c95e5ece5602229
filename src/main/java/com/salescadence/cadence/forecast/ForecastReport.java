package com.salescadence.cadence.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A rep's 12-month forecast and action plan as submitted, with the pipeline it rested on: never changed afterwards. */
public record ForecastReport(long id, long submissionId, long cycleId, String personId, LocalDate firstMonth,
                             BigDecimal forecastAmount, BigDecimal pipelineAmount, BigDecimal weightedAmount,
                             String actionPlan, LocalDateTime submittedAt) {
}

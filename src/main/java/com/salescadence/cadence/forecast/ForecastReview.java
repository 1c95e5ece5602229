package com.salescadence.cadence.forecast;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A first-line manager's forecast review as recorded. */
public record ForecastReview(long id, long submissionId, long cycleId, String managerId, BigDecimal forecastAmount,
                             BigDecimal stretchAmount, BigDecimal pipelineAmount, int missingReports, String notes,
                             LocalDateTime reviewedAt) {
}

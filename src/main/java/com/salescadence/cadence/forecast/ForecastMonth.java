package com.salescadence.cadence.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One month of a frozen forecast: the rep's amount beside the pipeline (raw and weighted) of that month. */
public record ForecastMonth(long id, long forecastReportId, LocalDate monthStart, BigDecimal amount,
                            BigDecimal pipelineAmount, BigDecimal weightedAmount) {
}

package com.salescadence.cadence.forecast.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import com.salescadence.cadence.forecast.ForecastMonth;
import com.salescadence.cadence.forecast.ForecastReport;
import com.salescadence.cadence.forecast.ForecastReview;
import com.salescadence.cadence.forecast.ForecastReviewView;

import io.swagger.v3.oas.annotations.media.Schema;

/** Requests and answers of the monthly forecast's API. Grid cells as text: the rules answer each problem at its month. */
final class ForecastApi {

    private ForecastApi() {
    }

    record ForecastView(ForecastReport report, List<ForecastMonth> months) {
    }

    record ForecastRequest(@Valid @Size(max = 36, message = "月份过多。 / Too many months.") List<MonthRequest> months,
                           String actionPlan) {
    }

    record MonthRequest(@Schema(example = "2026-12") String month, @Schema(example = "250000.00") String amount) {
    }

    record ForecastReviewPage(ForecastReviewView view,
                              @Schema(description = "the review's table as shown, one row per rep and the team") List<Map<String, Object>> rows,
                              String summary) {
    }

    record ForecastReviewRequest(@Schema(description = "required") String notes) {
    }

    record ForecastReviewRecorded(ForecastReview review) {
    }
}

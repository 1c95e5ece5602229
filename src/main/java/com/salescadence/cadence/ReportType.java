package com.salescadence.cadence;

public enum ReportType {
    COMMIT, ROLLUP, FORECAST, QUARTERLY_REVIEW, FORECAST_REVIEW, QUARTERLY_MANAGER_REVIEW
}

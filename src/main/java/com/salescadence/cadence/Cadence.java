package com.salescadence.cadence;

public enum Cadence {
    WEEKLY_COMMIT, MONTHLY_FORECAST, QUARTERLY_REVIEW, ACCOUNT_PLAN
}

package com.salescadence.workflow;

/** The names that tie Java to bpmn/monthly-forecast*.bpmn. */
public final class MonthlyForecastProcess {

    public static final String KEY = "monthly-forecast";
    public static final String SUBMISSION_KEY = "monthly-forecast-submission";
    public static final String REVIEW_KEY = "monthly-forecast-review";

    public static final String START_EVENT = "Start_MonthlyForecastDue";
    public static final String TIMER_REVIEW_DUE = "Timer_ForecastReviewDue";
    public static final String TASK_SUBMIT_MONTHLY_FORECAST = "Task_SubmitMonthlyForecast";
    public static final String TIMER_FORECAST_REMINDER = "Timer_ForecastReminder";
    public static final String TIMER_FORECAST_DEADLINE = "Timer_ForecastDeadline";
    public static final String TIMER_SECOND_ESCALATION = "Timer_ForecastSecondEscalation";
    public static final String TASK_CHASE_MISSING_FORECAST = "Task_ChaseMissingForecast";
    public static final String TASK_REVIEW_MONTHLY_FORECAST = "Task_ReviewMonthlyForecast";
    public static final String TIMER_REVIEW_DEADLINE = "Timer_ForecastReviewDeadline";

    // process variables: ids, keys and decisions (the cycle and batch names are the weekly commit's)
    public static final String CYCLE_ID = "cycleId";
    public static final String CYCLE_KEY = "cycleKey";
    public static final String CYCLE_START = "cycleStart";
    public static final String BATCH_OFFSET = "batchOffset";
    public static final String ALL_STARTED = "allStarted";
    public static final String REP_ID = "repId";
    public static final String MANAGER_ID = "managerId";
    public static final String SUBMISSION_ID = "submissionId";
    public static final String CHASE_ASSIGNEE = "chaseAssignee";

    // task display variables
    public static final String FORECAST_BRIEF = "forecastBrief";
    /** Task-local: the table of the 12 months, "Month 1: 2026-12" with its raw and weighted pipeline. */
    public static final String FORECAST_PIPELINE = "forecastPipeline";
    /** Task-local monthLabel1..12, "Month 1: 2026-12": the labels of the amount fields. */
    public static final String MONTH_LABEL = "monthLabel";
    public static final String CHASE_BRIEF = "chaseBrief";
    public static final String REVIEW_BRIEF = "reviewBrief";
    public static final String REVIEW_ROWS = "reviewRows";

    // form fields
    /** The API's list of {month, amount}; the Tasklist form has the numbered fields amount1..12 instead. */
    public static final String F_FORECAST_MONTHS = "forecastMonths";
    /** amount1..amount12: the forecast of month 1 (the cycle's month) to 12, prefilled with the weighted pipeline. */
    public static final String F_AMOUNT = "amount";
    public static final String F_ACTION_PLAN = "actionPlan";
    public static final String F_CHASE_NOTE = "chaseNote";
    public static final String F_REVIEW_NOTES = "reviewNotes";

    public static String amountField(int month) {
        return F_AMOUNT + month;
    }

    public static String monthLabel(int month) {
        return MONTH_LABEL + month;
    }

    private MonthlyForecastProcess() {
    }
}

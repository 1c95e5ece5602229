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

    // task display variables (the forecast grid reads its rows from GET /api/cadence/monthly-forecast/tasks/{taskId}, the
    // review form its team from GET /api/cadence/monthly-forecast/review-tasks/{taskId})
    public static final String CHASE_BRIEF = "chaseBrief";

    // form fields
    /** The rep's forecast, [{month: 2027-01, amount}] one per month, transient (from the grid and the API alike). */
    public static final String F_MONTHS = "months";
    public static final String F_ACTION_PLAN = "actionPlan";
    public static final String F_CHASE_NOTE = "chaseNote";
    public static final String F_REVIEW_NOTES = "reviewNotes";

    private MonthlyForecastProcess() {
    }
}

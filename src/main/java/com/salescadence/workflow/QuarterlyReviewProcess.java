package com.salescadence.workflow;

/** The names that tie Java to bpmn/quarterly-review*.bpmn. */
public final class QuarterlyReviewProcess {

    public static final String KEY = "quarterly-review";
    public static final String PREPARATION_KEY = "quarterly-review-preparation";
    public static final String MANAGER_REVIEW_KEY = "quarterly-review-meeting";

    public static final String START = "Start_QuarterlyReviewDue";
    public static final String TIMER_MANAGER_REVIEWS_DUE = "Timer_ManagerReviewsDue";
    public static final String TASK_PREPARE_QUARTERLY_REVIEW = "Task_PrepareQuarterlyReview";
    public static final String TIMER_PREPARATION_REMINDER = "Timer_PreparationReminder";
    public static final String TIMER_PREPARATION_DEADLINE = "Timer_PreparationDeadline";
    public static final String TASK_CHASE_MISSING_PREPARATION = "Task_ChaseMissingPreparation";
    public static final String TASK_RUN_QUARTERLY_REVIEW = "Task_RunQuarterlyReview";
    public static final String TIMER_MANAGER_REVIEW_DEADLINE = "Timer_ManagerReviewDeadline";
    public static final String TASK_CHASE_MISSING_MANAGER_REVIEW = "Task_ChaseMissingManagerReview";

    // process variables: ids, keys and decisions (the first five shared with the weekly cycle's batch starter)
    public static final String CYCLE_ID = WeeklyCommitProcess.CYCLE_ID;
    public static final String CYCLE_KEY = WeeklyCommitProcess.CYCLE_KEY;
    public static final String CYCLE_START = WeeklyCommitProcess.CYCLE_START;
    public static final String BATCH_OFFSET = WeeklyCommitProcess.BATCH_OFFSET;
    public static final String ALL_STARTED = WeeklyCommitProcess.ALL_STARTED;
    public static final String REP_ID = WeeklyCommitProcess.REP_ID;
    public static final String MANAGER_ID = WeeklyCommitProcess.MANAGER_ID;
    public static final String SUBMISSION_ID = WeeklyCommitProcess.SUBMISSION_ID;
    public static final String CHASE_ASSIGNEE = WeeklyCommitProcess.CHASE_ASSIGNEE;

    // task display variables ("Prepare quarterly review" reads its figures from GET /api/cadence/quarterly-review/tasks/{taskId})
    public static final String CHASE_BRIEF = WeeklyCommitProcess.CHASE_BRIEF;

    // form fields
    public static final String F_NEXT_QUARTER_PLAN = "nextQuarterPlan";
    public static final String F_PROPOSED_TARGET = "proposedTarget";
    /** The manager's decisions, one row per rep [{personId, target, outcome}] (a Json variable from the form, a list from the API). */
    public static final String F_TARGETS = "targets";
    public static final String F_REVIEW_NOTES = "reviewNotes";
    public static final String F_CHASE_NOTE = WeeklyCommitProcess.F_CHASE_NOTE;

    private QuarterlyReviewProcess() {
    }
}

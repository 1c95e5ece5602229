package com.salescadence.workflow;

/** The names that tie Java to bpmn/weekly-commit*.bpmn and bpmn/weekly-rollup.bpmn. */
public final class WeeklyCommitProcess {

    public static final String KEY = "weekly-commit";
    public static final String SUBMISSION_KEY = "weekly-commit-submission";
    public static final String ROLLUP_KEY = "weekly-rollup";

    public static final String TIMER_START = "Timer_WeeklyCommitStart";
    public static final String TIMER_COMMIT_CALL_DUE = "Timer_CommitCallDue";
    public static final String TIMER_NEXT_ROLLUP_DAY = "Timer_NextRollupDay";
    public static final String TASK_SUBMIT_WEEKLY_COMMIT = "Task_SubmitWeeklyCommit";
    public static final String TIMER_COMMIT_REMINDER = "Timer_CommitReminder";
    public static final String TIMER_SUBMISSION_DEADLINE = "Timer_SubmissionDeadline";
    public static final String TASK_CHASE_MISSING_COMMIT = "Task_ChaseMissingCommit";
    public static final String TASK_RUN_COMMIT_CALL = "Task_RunCommitCall";
    public static final String TASK_REVIEW_ROLLUP = "Task_ReviewRollup";
    public static final String TIMER_ROLLUP_DEADLINE = "Timer_RollupDeadline";

    // process variables: ids, keys and decisions
    public static final String CYCLE_ID = "cycleId";
    public static final String CYCLE_KEY = "cycleKey";
    public static final String CYCLE_START = "cycleStart";
    public static final String BATCH_OFFSET = "batchOffset";
    public static final String ALL_STARTED = "allStarted";
    public static final String ROLLUP_LEVEL = "rollupLevel";
    public static final String TOP_REACHED = "topReached";
    public static final String REP_ID = "repId";
    public static final String MANAGER_ID = "managerId";
    public static final String SUBMISSION_ID = "submissionId";
    public static final String CHASE_ASSIGNEE = "chaseAssignee";

    // task-local display variables
    public static final String CHASE_BRIEF = "chaseBrief";
    public static final String TEAM_OPTIONS = "teamOptions";

    // form fields (the weekly commit grid submits its two as transient variables)
    public static final String F_COMMIT_ITEMS = "commitItems";
    public static final String F_PROJECT_TRACKING = "projectTracking";
    public static final String F_CHASE_NOTE = "chaseNote";
    public static final String F_ADJUSTMENTS = "adjustments";
    public static final String F_CALL_NOTES = "callNotes";

    private WeeklyCommitProcess() {
    }
}

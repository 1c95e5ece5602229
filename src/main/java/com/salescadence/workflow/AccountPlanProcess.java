package com.salescadence.workflow;

/** The names that tie Java to bpmn/account-plan-revision.bpmn, account-plan-cycle.bpmn and account-tier-review.bpmn. */
public final class AccountPlanProcess {

    public static final String KEY = "account-plan-revision";
    public static final String CYCLE_KEY_PROCESS = "account-plan-cycle";
    public static final String TIER_REVIEW_KEY = "account-tier-review";

    /** Ends the monitoring of a plan year when the account's next revision starts. */
    public static final String MSG_NEXT_REVISION_STARTED = "AccountPlanNextRevisionStarted";

    public static final String TASK_PREPARE_PLAN = "Task_PreparePlan";
    public static final String SUBPROCESS_DEVELOP_PLAN = "SubProcess_DevelopPlan";
    public static final String TASK_DEVELOP_PLAN = "Task_DevelopPlan";
    public static final String TIMER_PLAN_REMINDER = "Timer_PlanReminder";
    public static final String TIMER_PLAN_DEADLINE = "Timer_PlanDeadline";
    public static final String TASK_CHASE_LATE_PLAN = "Task_ChaseLatePlan";
    public static final String TASK_REVIEW_PLAN = "Task_ReviewPlan";
    public static final String SUBPROCESS_MONITOR_PLAN = "SubProcess_MonitorPlan";
    public static final String TIMER_QUARTERLY_REVIEW_DUE = "Timer_QuarterlyReviewDue";
    public static final String TASK_QUARTERLY_PLAN_REVIEW = "Task_QuarterlyPlanReview";
    public static final String TIMER_PROGRESS_REPORT_DUE = "Timer_ProgressReportDue";
    public static final String TASK_PLAN_PROGRESS_REPORT = "Task_PlanProgressReport";
    public static final String TIMER_PLAN_YEAR_OVER = "Timer_PlanYearOver";
    public static final String TASK_ANNUAL_TIER_REVIEW = "Task_AnnualTierReview";

    // process variables: ids, keys and decisions
    public static final String ACCOUNT_ID = "accountId";
    public static final String PLAN_YEAR = "planYear";
    public static final String PLAN_ID = "planId";
    public static final String OWNER_ID = "ownerId";
    public static final String MANAGER_ID = "managerId";
    public static final String SENIOR_MANAGER_ID = "seniorManagerId";
    public static final String REVISION_START = "revisionStart";
    public static final String PLAN_DUE_AT = "planDueAt";
    public static final String PLAN_APPROVED = "planApproved";
    public static final String QUARTERLY_MONITORING = "quarterlyMonitoring";
    public static final String MONITOR_START = "monitorStart";
    public static final String REVIEWS_HELD = "reviewsHeld";
    public static final String PROGRESS_REPORTS_MADE = "progressReportsMade";
    public static final String CYCLE_ID = "cycleId";
    public static final String CYCLE_START = "cycleStart";
    public static final String BATCH_OFFSET = "batchOffset";
    public static final String ALL_STARTED = "allStarted";

    // settings in the model (input parameters of a service task, editable in the Modeler)
    public static final String IN_DEFAULT_DEVELOP_WEEKS = "defaultDevelopWeeks";
    public static final String IN_REWORK_PERIOD = "reworkPeriod";

    // task display variables ("Write the account plan" reads its plan from GET /api/account-plans/tasks/{taskId})
    public static final String PLAN_BRIEF = "planBrief";
    public static final String VERSION_TEXT = "versionText";
    /** The manager's yearly review of each second-tier account, [{accountId, notes}] (transient from the form and the API). */
    public static final String SECOND_TIER_ROWS = "secondTierAccounts";

    // form fields
    public static final String F_DIRECTION = "direction";
    public static final String F_TEAM_MEMBERS = "teamMembers";
    public static final String F_TIMELINE = "timeline";
    public static final String F_DEVELOP_WEEKS = "developWeeks";
    public static final String F_EXECUTIVE_SUMMARY = "executiveSummary";
    public static final String F_STRATEGIC_OPTIONS = "strategicOptions";
    public static final String F_BUSINESS_RISKS = "businessRisks";
    public static final String F_CUSTOMER_ANALYSIS = "customerAnalysis";
    public static final String F_GOALS_OBJECTIVES = "goalsObjectives";
    public static final String F_ACTIONS_RESOURCES = "actionsResources";
    public static final String F_APPENDIX = "appendix";
    /** The 5-year financial forecast, [{year: 2027, amount}] from the plan year on, transient (from the form and the API alike). */
    public static final String F_YEARS = "years";
    public static final String F_REVIEW_DECISION = "reviewDecision"; // approve | return
    public static final String F_REVIEW_COMMENT = "reviewComment";
    public static final String F_CHASE_NOTE = "chaseNote";
    public static final String F_ON_TRACK = "onTrack"; // yes | no
    public static final String F_REVIEW_NOTES = "reviewNotes";
    public static final String F_COLLECTIVE_NOTES = "collectiveNotes";

    public static String businessKey(long accountId, int year) {
        return "account:" + accountId + ":" + year;
    }

    private AccountPlanProcess() {
    }
}

package com.salescadence.workflow;

import java.util.Set;

/**
 * The process variables a person completing a task may not set: the process (its delegates and listeners)
 * owns them. They are what the models route on (assignees, candidate users, gateway conditions the server
 * computes, timer dates and counters) and the ids of the records a process works on. Anyone may complete
 * their own task through the engine's REST API with any variables, so without this list a rep could name
 * themselves as the approver of their own stage advance.
 *
 * <p>The rule that keeps the list complete and harmless, checked by ProtectedVariablesTest: every variable
 * an assignee, candidate, condition, timer or due date expression of bpmn/ reads is protected unless it is a
 * field of a form (stageAction: the rep chooses it), and no field of a form in forms/ is protected.
 */
public final class ProtectedVariables {

    /** The protected names, one list for every process. */
    public static final Set<String> NAMES = Set.of(
            // assignees of user tasks
            LeadToCashProcess.OWNER_ID, LeadToCashProcess.APPROVER_ID,
            WeeklyCommitProcess.REP_ID, WeeklyCommitProcess.MANAGER_ID, AccountPlanProcess.SENIOR_MANAGER_ID,
            WeeklyCommitProcess.CHASE_ASSIGNEE, MeetingProcess.OWNER_ID, MeetingProcess.ACTION_OWNER_ID,
            // ids and keys of the records a process works on
            LeadToCashProcess.LEAD_ID, LeadToCashProcess.OPPORTUNITY_ID, LeadToCashProcess.ORDER_ID,
            LeadToCashProcess.INVOICE_ID, AccountPlanProcess.ACCOUNT_ID, AccountPlanProcess.PLAN_ID,
            AccountPlanProcess.PLAN_YEAR, WeeklyCommitProcess.CYCLE_ID, WeeklyCommitProcess.CYCLE_KEY,
            WeeklyCommitProcess.SUBMISSION_ID, MeetingProcess.MEETING_ID, MeetingProcess.MEETING_KIND,
            MeetingProcess.ACTION_ID,
            // decisions the server computes, read by gateways
            LeadToCashProcess.LEAD_QUALIFIED, LeadToCashProcess.IN_FUNNEL, LeadToCashProcess.GO_NO_GO_REQUIRED,
            LeadToCashProcess.PURSUE_DEAL, LeadToCashProcess.GATE_PASSED, LeadToCashProcess.ADVANCE_APPROVED,
            LeadToCashProcess.DEAL_WON, LeadToCashProcess.CREDIT_APPROVED, LeadToCashProcess.INVOICE_PAID,
            AccountPlanProcess.PLAN_APPROVED, AccountPlanProcess.QUARTERLY_MONITORING,
            WeeklyCommitProcess.TOP_REACHED, WeeklyCommitProcess.ROLLUP_LEVEL,
            WeeklyCommitProcess.ALL_STARTED, WeeklyCommitProcess.BATCH_OFFSET,
            // what timers and due dates are computed from
            WeeklyCommitProcess.CYCLE_START, AccountPlanProcess.REVISION_START, AccountPlanProcess.PLAN_DUE_AT,
            AccountPlanProcess.MONITOR_START, AccountPlanProcess.REVIEWS_HELD,
            AccountPlanProcess.PROGRESS_REPORTS_MADE, LeadToCashProcess.INVOICE_DUE_DATE,
            LeadToCashProcess.INVOICE_ESCALATION_DATE, MeetingProcess.MEETING_START, MeetingProcess.MEETING_END,
            MeetingProcess.ACTION_DUE);

    private ProtectedVariables() {
    }
}

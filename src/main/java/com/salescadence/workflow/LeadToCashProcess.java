package com.salescadence.workflow;

/** The names that tie Java to bpmn/lead-to-cash.bpmn: process key, activity ids, variables. */
public final class LeadToCashProcess {

    public static final String KEY = "lead-to-cash";

    public static final String TASK_QUALIFY_LEAD = "Task_QualifyLead";
    public static final String TASK_RECORD_SMALL_DEAL_OUTCOME = "Task_RecordSmallDealOutcome";
    public static final String TASK_GO_NO_GO = "Task_GoNoGoAssessment";
    public static final String TASK_WORK_STAGE = "Task_WorkStage";
    public static final String TASK_APPROVE_STAGE_ADVANCE = "Task_ApproveStageAdvance";
    public static final String TASK_CREDIT_CHECK = "Task_CreditCheck";
    public static final String TASK_CONFIRM_DELIVERY = "Task_ConfirmDelivery";
    public static final String TASK_RECORD_PAYMENT = "Task_RecordPayment";
    public static final String TIMER_PAYMENT_OVERDUE = "Timer_PaymentOverdue";
    public static final String TIMER_PAYMENT_ESCALATION = "Timer_PaymentEscalation";

    // process variables: ids and decisions only
    public static final String LEAD_ID = "leadId";
    public static final String OWNER_ID = "ownerId";
    public static final String OPPORTUNITY_ID = "opportunityId";
    public static final String LEAD_QUALIFIED = "leadQualified";
    public static final String IN_FUNNEL = "inFunnel";
    public static final String GO_NO_GO_REQUIRED = "goNoGoRequired";
    public static final String PURSUE_DEAL = "pursueDeal";
    public static final String STAGE_ACTION = "stageAction";
    public static final String GATE_PASSED = "gatePassed";
    public static final String APPROVER_ID = "approverId";
    public static final String ADVANCE_APPROVED = "advanceApproved";
    public static final String DEAL_WON = "dealWon";
    public static final String CREDIT_APPROVED = "creditApproved";
    public static final String ORDER_ID = "orderId";
    public static final String INVOICE_ID = "invoiceId";
    public static final String INVOICE_DUE_DATE = "invoiceDueDate";
    public static final String INVOICE_ESCALATION_DATE = "invoiceEscalationDate";
    public static final String INVOICE_PAID = "invoicePaid";

    // task-local display variables, set when a task is created
    public static final String LEAD_BRIEF = "leadBrief";
    public static final String DEAL_BRIEF = "dealBrief";
    public static final String STAGE_BRIEF = "stageBrief";
    public static final String OUTCOME_OPTIONS = "outcomeOptions";
    public static final String INVOICE_BRIEF = "invoiceBrief";

    // form fields
    public static final String F_QUALIFICATION_DECISION = "qualificationDecision";
    public static final String F_BUDGET = "budget";
    public static final String F_AUTHORITY = "authority";
    public static final String F_NEED = "need";
    public static final String F_TIMELINE = "timeline";
    public static final String F_DISQUALIFY_REASON = "disqualifyReason";
    public static final String F_OPPORTUNITY_NAME = "opportunityName";
    public static final String F_AMOUNT = "amount";
    public static final String F_EXPECTED_CLOSE_DATE = "expectedCloseDate";
    public static final String F_DEAL_OUTCOME = "dealOutcome";
    public static final String F_LOSS_REASON = "lossReason";
    public static final String F_GO_DECISION = "goDecision";
    public static final String F_GO_NO_GO_REASON = "goNoGoReason";
    public static final String F_STAGE_ACTION = "stageAction";
    public static final String F_OUTCOMES_MET = "outcomesMet";
    public static final String F_EVIDENCE = "evidence";
    public static final String F_CLAIMED_PROBABILITY = "claimedProbability";
    public static final String F_TARGET_STAGE = "targetStage";
    public static final String F_ADVANCE_DECISION = "advanceDecision";
    public static final String F_DECISION_COMMENT = "decisionComment";
    public static final String F_CREDIT_DECISION = "creditDecision";
    public static final String F_CREDIT_NOTE = "creditNote";
    public static final String F_DELIVERED_ON = "deliveredOn";
    public static final String F_DELIVERY_NOTE = "deliveryNote";
    public static final String F_PAYMENT_AMOUNT = "paymentAmount";
    public static final String F_PAYMENT_DATE = "paymentDate";
    public static final String F_PAYMENT_REFERENCE = "paymentReference";

    private LeadToCashProcess() {
    }
}

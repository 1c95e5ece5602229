package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.notification.OutboxMessage;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.Lead;
import com.salescadence.pipeline.LeadService;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.OpportunityStatus;
import com.salescadence.pipeline.CashService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/** Every path of bpmn/lead-to-cash.bpmn, with the real listeners, services and tables. */
@CadenceIntegrationTest
class LeadToCashProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired IdentityService identityService;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired LeadIntake intake;
    @Autowired LeadService leads;
    @Autowired OpportunityService opportunities;
    @Autowired CashService cash;
    @Autowired NotificationService notifications;

    private ProcessInstance current;
    private final String today = LocalDate.now().toString();
    private final String nextMonth = LocalDate.now().plusMonths(1).toString();

    @BeforeEach
    void setUp() {
        init(engine);
        TestOrganization.ensure(organization, administration);
    }

    @Test
    void a_disqualified_lead_ends_without_an_opportunity() {
        ProcessInstance instance = newLead("250000");
        assertThat(instance).isWaitingAt(TASK_QUALIFY_LEAD).task().isAssignedTo(TestOrganization.REP);

        completeAs(TestOrganization.REP, Map.of(F_QUALIFICATION_DECISION, "disqualify", F_DISQUALIFY_REASON, "No budget"));

        assertThat(instance).isEnded().hasPassed("End_LeadDisqualified");
        Lead lead = leads.get(leadId(instance));
        Assertions.assertThat(lead.status().name()).isEqualTo("DISQUALIFIED");
        Assertions.assertThat(lead.disqualifyReason()).isEqualTo("No budget");
    }

    @Test
    void a_deal_advances_through_every_stage_with_approvals_and_is_paid() {
        ProcessInstance instance = newLead("300000");
        qualify(instance, "300000");
        assertThat(instance).isWaitingAt(TASK_WORK_STAGE);
        long dealId = dealId(instance);

        String[][] steps = {
                {"NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED", "25", "VALIDATE"},
                {"BUDGET_TIMELINE_KNOWN,SOLUTION_DISCUSSED", "50", "DEVELOP"},
                {"PROPOSAL_ACCEPTED,CUSTOMER_PREFERS_US", "75", "AGREEMENT"},
                {"VERBAL_COMMITMENT,MAIN_TERMS_AGREED,CONTRACT_SIGNED", "100", "WON"}};
        for (String[] step : steps) {
            askToAdvance(step[0], step[1]);
            assertThat(instance).isWaitingAt(TASK_APPROVE_STAGE_ADVANCE).task().isAssignedTo(TestOrganization.MANAGER);
            completeAs(TestOrganization.MANAGER, Map.of(F_ADVANCE_DECISION, "approve"));
            Assertions.assertThat(opportunities.get(dealId).stageCode()).isEqualTo(step[2]);
            Assertions.assertThat(opportunities.get(dealId).probability()).isEqualTo(Integer.parseInt(step[1]));
        }
        Assertions.assertThat(opportunities.get(dealId).status()).isEqualTo(OpportunityStatus.WON);
        Assertions.assertThat(opportunities.history(dealId)).extracting(h -> h.toStage())
                .containsExactly("IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT", "WON");
        Assertions.assertThat(notificationsOf(TestOrganization.MANAGER, dealId, NotificationKind.STAGE_ADVANCE_REQUESTED)).hasSize(4);

        assertThat(instance).isWaitingAt(TASK_CREDIT_CHECK);
        Assertions.assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("finance")
                .processInstanceId(instance.getId()).count()).isEqualTo(1);
        completeAs(TestOrganization.FINANCE, Map.of(F_CREDIT_DECISION, "approve"));
        assertThat(instance).isWaitingAt(TASK_CONFIRM_DELIVERY).task().isAssignedTo(TestOrganization.REP);
        completeAs(TestOrganization.REP, Map.of(F_DELIVERED_ON, today));

        assertThat(instance).isWaitingAt(TASK_RECORD_PAYMENT).hasPassed("Service_IssueInvoice");
        long invoiceId = ((Number) runtimeService().getVariable(instance.getId(), INVOICE_ID)).longValue();
        completeAs(TestOrganization.FINANCE, Map.of(F_PAYMENT_AMOUNT, "100000", F_PAYMENT_DATE, today));
        assertThat(instance).isWaitingAt(TASK_RECORD_PAYMENT);
        completeAs(TestOrganization.FINANCE, Map.of(F_PAYMENT_AMOUNT, "200000.00", F_PAYMENT_DATE, today, F_PAYMENT_REFERENCE, "BANK-1"));

        assertThat(instance).isEnded().hasPassed("End_DealClosed");
        Assertions.assertThat(cash.invoice(invoiceId).status()).isEqualTo("PAID");
        Assertions.assertThat(cash.orderOf(dealId).orElseThrow().status()).isEqualTo("PAID");
        Assertions.assertThat(runtimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId()).count())
                .as("no form fields left behind").isZero();
    }

    @Test
    void a_rejected_advance_returns_to_the_rep_with_the_managers_comment() {
        ProcessInstance instance = qualifiedDeal("120000");
        long dealId = dealId(instance);

        askToAdvance("NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED", "25");
        completeAs(TestOrganization.MANAGER, Map.of(F_ADVANCE_DECISION, "reject", F_DECISION_COMMENT, "Confirm the market figures first"));

        assertThat(instance).isWaitingAt(TASK_WORK_STAGE).task().isAssignedTo(TestOrganization.REP);
        Assertions.assertThat(opportunities.get(dealId).stageCode()).isEqualTo("IDENTIFY");
        Assertions.assertThat((String) engine.getTaskService().getVariableLocal(task(instance).getId(), STAGE_BRIEF))
                .contains("已驳回 / rejected").contains("Confirm the market figures first");
        Assertions.assertThat(notificationsOf(TestOrganization.REP, dealId, NotificationKind.STAGE_ADVANCE_DECIDED)).hasSize(1);
    }

    @Test
    void the_stage_task_shows_the_deals_brief_and_checklist_exactly() {
        // issue 15 round 6: the brief and the checklist come from one read of the deal; the texts stay exactly these
        ProcessInstance instance = qualifiedDeal("120000");
        long dealId = dealId(instance);
        askToAdvance("NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED", "25");
        completeAs(TestOrganization.MANAGER, Map.of(F_ADVANCE_DECISION, "reject", F_DECISION_COMMENT, "Confirm the market figures first"));

        String taskId = task(instance).getId();
        String account = accounts.get(opportunities.get(dealId).accountId()).name();
        String evidence = ": Confirmed with the customer's CIO on " + today;
        // the texts as the listener wrote them before it read the deal once (captured from the code before the change)
        Assertions.assertThat((String) engine.getTaskService().getVariableLocal(taskId, STAGE_BRIEF)).isEqualTo(String.join("\n",
                "商机 " + dealId + " / Deal " + dealId + ": Planning suite",
                "客户 / Account: " + account + " (重点客户 / key account)",
                "金额 / Amount: 120000.00 CNY",
                "预计成交 / Expected close: " + nextMonth,
                "阶段 / Stage: 识别机会 / Identify opportunity (10%), 未结 / open",
                "负责人 / Owner: Ren Rep",
                "",
                "当前赢率 / Probability now: 10% (上限 / stage cap 50%)",
                "下一阶段 / Next stage: 确认机会 / Validate opportunity (25%), 最多申报 / claim at most 50%",
                "离开「识别机会」前需证明的成果 / Outcomes to evidence before leaving Identify opportunity:",
                "  [x] 已了解客户的业务和需求（必需） / Customer's business and need understood (required)" + evidence,
                "  [x] 已与客户确认市场信息（必需） / Market information confirmed with the customer (required)" + evidence,
                "  [ ] 已确定客户方的发起人（可选） / A sponsor at the customer is named (optional)",
                "",
                "上次推进申请 / Last advance request: 识别机会 -> 确认机会 / Identify opportunity -> Validate opportunity, 25%, Ren Rep: 已驳回 / rejected",
                "Meng Manager 的意见 / Comment from Meng Manager: Confirm the market figures first"));
        Assertions.assertThat(engine.getTaskService().getVariableLocal(taskId, OUTCOME_OPTIONS).toString()).isEqualTo("["
                + "{\"label\":\"已了解客户的业务和需求（必需） / Customer's business and need understood (required)\",\"value\":\"NEED_UNDERSTOOD\"},"
                + "{\"label\":\"已与客户确认市场信息（必需） / Market information confirmed with the customer (required)\",\"value\":\"MARKET_INFO_CONFIRMED\"},"
                + "{\"label\":\"已确定客户方的发起人 / A sponsor at the customer is named\",\"value\":\"SPONSOR_NAMED\"}]");
        // the task's own variables: the brief and the checklist only (the process keeps the ids)
        Assertions.assertThat(engine.getTaskService().getVariablesLocal(taskId)).containsOnlyKeys(STAGE_BRIEF, OUTCOME_OPTIONS);
    }

    @Test
    void a_rejection_without_a_comment_is_refused_and_the_task_stays_open() {
        ProcessInstance instance = qualifiedDeal("120000");
        askToAdvance("NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED", "25");
        Task approval = task(instance);

        Assertions.assertThatThrownBy(() -> completeAs(TestOrganization.MANAGER, Map.of(F_ADVANCE_DECISION, "reject")))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("comment");

        assertThat(instance).isWaitingAt(TASK_APPROVE_STAGE_ADVANCE);
        Assertions.assertThat(task(instance).getId()).isEqualTo(approval.getId());
    }

    @Test
    void the_gate_refuses_an_advance_with_a_missing_outcome_by_its_name_and_the_task_stays_with_nothing_stored() {
        ProcessInstance instance = qualifiedDeal("120000");
        long dealId = dealId(instance);
        Task work = task(instance);

        // issue 13 item 7: refused with the outcome's name, not a silent send-back that wipes the rep's input
        Assertions.assertThatThrownBy(() -> askToAdvance("NEED_UNDERSTOOD", "25"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("missing required outcome(s): Market information confirmed with the customer")
                .hasMessageContaining("缺少必需的成果");

        assertThat(instance).isWaitingAt(TASK_WORK_STAGE);
        Assertions.assertThat(task(instance).getId()).as("the same task, not a new one").isEqualTo(work.getId());
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(TASK_WORK_STAGE).count()).isEqualTo(1);
        Assertions.assertThat(opportunities.advanceRequests(dealId)).isEmpty();
        Assertions.assertThat(opportunities.evidence(dealId)).isEmpty();

        askToAdvance("NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED", "25");
        assertThat(instance).isWaitingAt(TASK_APPROVE_STAGE_ADVANCE);
    }

    @Test
    void a_claimed_probability_above_the_stage_cap_is_refused_and_nothing_is_stored() {
        ProcessInstance instance = qualifiedDeal("120000");
        long dealId = dealId(instance);

        Assertions.assertThatThrownBy(() -> askToAdvance("NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED", "60"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageEndingWith(" / A deal in Validate opportunity may claim at most 50% probability; you claimed 60%.");

        assertThat(instance).isWaitingAt(TASK_WORK_STAGE);
        Assertions.assertThat(opportunities.evidence(dealId)).isEmpty();
        Assertions.assertThat(opportunities.advanceRequests(dealId)).isEmpty();
    }

    @Test
    void a_deal_lost_in_a_middle_stage_ends_with_its_reason() {
        ProcessInstance instance = qualifiedDeal("120000");
        long dealId = dealId(instance);
        askToAdvance("NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED", "25");
        completeAs(TestOrganization.MANAGER, Map.of(F_ADVANCE_DECISION, "approve"));

        Assertions.assertThatThrownBy(() -> completeAs(TestOrganization.REP, Map.of(F_STAGE_ACTION, "lost")))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Loss reason is required");
        completeAs(TestOrganization.REP, Map.of(F_STAGE_ACTION, "lost", F_LOSS_REASON, "Budget moved to another project"));

        assertThat(instance).isEnded().hasPassed("End_DealLost");
        Opportunity deal = opportunities.get(dealId);
        Assertions.assertThat(deal.status()).isEqualTo(OpportunityStatus.LOST);
        Assertions.assertThat(deal.lossReason()).isEqualTo("Budget moved to another project");
        Assertions.assertThat(opportunities.history(dealId)).last().extracting(h -> h.fromStage()).isEqualTo("VALIDATE");
    }

    @Test
    void an_unpaid_invoice_reminds_and_then_escalates_to_finance_and_the_manager() {
        ProcessInstance instance = qualifiedDeal("40000");
        completeAs(TestOrganization.REP, Map.of(F_DEAL_OUTCOME, "won"));
        completeAs(TestOrganization.FINANCE, Map.of(F_CREDIT_DECISION, "approve"));
        completeAs(TestOrganization.REP, Map.of(F_DELIVERED_ON, today));
        assertThat(instance).isWaitingAt(TASK_RECORD_PAYMENT);
        long invoiceId = ((Number) runtimeService().getVariable(instance.getId(), INVOICE_ID)).longValue();
        LocalDate due = cash.invoice(invoiceId).dueOn();

        Job overdue = timer(instance, TIMER_PAYMENT_OVERDUE);
        Assertions.assertThat(overdue.getDuedate()).isEqualTo(startOfDay(due.plusDays(1)));
        execute(overdue);
        execute(job(instance));   // the reminder runs asynchronously, retried on failure

        Assertions.assertThat(cash.invoice(invoiceId).status()).isEqualTo("OVERDUE");
        Assertions.assertThat(kinds(TestOrganization.FINANCE, invoiceId)).contains(NotificationKind.PAYMENT_OVERDUE);
        Assertions.assertThat(kinds(TestOrganization.REP, invoiceId)).contains(NotificationKind.PAYMENT_OVERDUE);
        assertThat(instance).isWaitingAt(TASK_RECORD_PAYMENT);

        Job escalation = timer(instance, TIMER_PAYMENT_ESCALATION);
        Assertions.assertThat(escalation.getDuedate()).isEqualTo(startOfDay(due.plusDays(15)));
        execute(escalation);
        execute(job(instance));

        Assertions.assertThat(kinds(TestOrganization.MANAGER, invoiceId)).contains(NotificationKind.PAYMENT_ESCALATED);
        Assertions.assertThat(kinds(TestOrganization.FINANCE, invoiceId)).contains(NotificationKind.PAYMENT_ESCALATED);
        assertThat(instance).hasPassed("End_ReminderSent", "End_EscalationSent").isWaitingAt(TASK_RECORD_PAYMENT);

        completeAs(TestOrganization.FINANCE, Map.of(F_PAYMENT_AMOUNT, "40000", F_PAYMENT_DATE, today));
        assertThat(instance).isEnded().hasPassed("End_DealClosed");
    }

    @Test
    void the_owner_of_a_large_deal_cannot_decide_its_go_no_go_even_when_the_task_is_handed_to_them() {
        ProcessInstance instance = qualifiedDeal("1000000");
        assertThat(instance).isWaitingAt(TASK_GO_NO_GO).task().isAssignedTo(TestOrganization.MANAGER);
        Map<String, Object> go = Map.of(F_GO_DECISION, "go", F_GO_NO_GO_REASON, "I am sure of it");

        engine.getTaskService().setAssignee(task(instance).getId(), TestOrganization.REP);   // the manager hands it over
        Assertions.assertThatThrownBy(() -> completeAs(TestOrganization.REP, go))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("your own deal");
        engine.getTaskService().setAssignee(task(instance).getId(), TestOrganization.TEAMMATE);
        Assertions.assertThatThrownBy(() -> completeAs(TestOrganization.TEAMMATE, go))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Only Meng Manager or their managers");
        assertThat(instance).isWaitingAt(TASK_GO_NO_GO);
        Assertions.assertThat(opportunities.get(dealId(instance)).goDecision()).isNull();

        engine.getTaskService().setAssignee(task(instance).getId(), TestOrganization.LEADER);   // above the manager: may
        completeAs(TestOrganization.LEADER, go);
        assertThat(instance).isWaitingAt(TASK_WORK_STAGE);
    }

    @Test
    void a_payment_whose_bank_reference_is_recorded_already_is_refused_and_stored_once() {
        ProcessInstance instance = qualifiedDeal("40000");
        completeAs(TestOrganization.REP, Map.of(F_DEAL_OUTCOME, "won"));
        completeAs(TestOrganization.FINANCE, Map.of(F_CREDIT_DECISION, "approve"));
        completeAs(TestOrganization.REP, Map.of(F_DELIVERED_ON, today));
        long invoiceId = ((Number) runtimeService().getVariable(instance.getId(), INVOICE_ID)).longValue();
        String reference = "BANK-" + System.nanoTime();
        completeAs(TestOrganization.FINANCE, Map.of(F_PAYMENT_AMOUNT, "10000", F_PAYMENT_DATE, today, F_PAYMENT_REFERENCE, reference));
        assertThat(instance).isWaitingAt(TASK_RECORD_PAYMENT);

        for (String again : List.of(reference, " " + reference.toLowerCase() + " ")) {
            Assertions.assertThatThrownBy(() -> completeAs(TestOrganization.FINANCE,
                    Map.of(F_PAYMENT_AMOUNT, "10000", F_PAYMENT_DATE, today, F_PAYMENT_REFERENCE, again)))
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining(reference).hasMessageContaining("already recorded");
        }
        Assertions.assertThat(cash.payments(invoiceId)).hasSize(1);
        // the database keeps it so when two people record it at once
        Assertions.assertThatThrownBy(() -> jdbc.sql("insert into payment (invoice_id, amount, received_on, reference, reference_key, recorded_by) "
                + "values (?, 1, current_date, ?, ?, 'race')").params(invoiceId, reference, reference.toLowerCase()).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);

        completeAs(TestOrganization.FINANCE, Map.of(F_PAYMENT_AMOUNT, "30000", F_PAYMENT_DATE, today, F_PAYMENT_REFERENCE, "OTHER-" + reference));
        assertThat(instance).isEnded();
    }

    @Test
    void a_small_deal_stays_out_of_the_funnel_and_still_counts_as_won() {
        ProcessInstance instance = qualifiedDeal("30000");
        long dealId = dealId(instance);

        assertThat(instance).isWaitingAt(TASK_RECORD_SMALL_DEAL_OUTCOME).hasNotPassed(TASK_WORK_STAGE);
        Assertions.assertThat(opportunities.get(dealId).inFunnel()).isFalse();
        completeAs(TestOrganization.REP, Map.of(F_DEAL_OUTCOME, "won"));

        assertThat(instance).isWaitingAt(TASK_CREDIT_CHECK);
        Assertions.assertThat(opportunities.get(dealId).status()).isEqualTo(OpportunityStatus.WON);
    }

    @Test
    void a_lost_small_deal_ends() {
        ProcessInstance instance = qualifiedDeal("30000");
        completeAs(TestOrganization.REP, Map.of(F_DEAL_OUTCOME, "lost", F_LOSS_REASON, "Bought from a distributor"));
        assertThat(instance).isEnded().hasPassed("End_SmallDealLost");
    }

    @Test
    void a_large_deal_needs_a_go_decision_and_no_go_ends_it() {
        ProcessInstance go = qualifiedDeal("1500000");
        assertThat(go).isWaitingAt(TASK_GO_NO_GO).task().isAssignedTo(TestOrganization.MANAGER);
        completeAs(TestOrganization.MANAGER, Map.of(F_GO_DECISION, "go", F_GO_NO_GO_REASON, "Strategic account"));
        assertThat(go).isWaitingAt(TASK_WORK_STAGE);

        ProcessInstance noGo = qualifiedDeal("2000000");
        completeAs(TestOrganization.MANAGER, Map.of(F_GO_DECISION, "no_go", F_GO_NO_GO_REASON, "We cannot deliver in time"));
        assertThat(noGo).isEnded().hasPassed("End_DealNotPursued");
        Assertions.assertThat(opportunities.get(dealId(noGo)).lossReason()).isEqualTo("No-go: We cannot deliver in time");
    }

    @Test
    void refused_credit_ends_without_an_order_to_deliver() {
        ProcessInstance instance = qualifiedDeal("40000");
        completeAs(TestOrganization.REP, Map.of(F_DEAL_OUTCOME, "won"));
        completeAs(TestOrganization.FINANCE, Map.of(F_CREDIT_DECISION, "refuse", F_CREDIT_NOTE, "Customer in arrears"));
        assertThat(instance).isEnded().hasPassed("End_CreditRefused");
        Assertions.assertThat(cash.orderOf(dealId(instance)).orElseThrow().status()).isEqualTo("CREDIT_REFUSED");
    }

    @Test
    void bad_qualification_input_is_refused_with_every_problem_and_nothing_is_stored() {
        ProcessInstance instance = newLead("100000");
        Assertions.assertThatThrownBy(() -> completeAs(TestOrganization.REP, Map.of(
                        F_QUALIFICATION_DECISION, "qualify", F_BUDGET, "yes", F_AUTHORITY, "CIO", F_NEED, "n", F_TIMELINE, "Q1",
                        F_OPPORTUNITY_NAME, "x".repeat(201), F_AMOUNT, "-5", F_EXPECTED_CLOSE_DATE, "2020-01-01")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Opportunity name is too long")
                .hasMessageContaining("Amount must be greater than zero")
                .hasMessageContaining("Expected close date 2020-01-01 is in the past");
        Assertions.assertThatThrownBy(() -> completeAs(TestOrganization.REP, Map.of(
                        F_QUALIFICATION_DECISION, "qualify", F_AMOUNT, "a lot")))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Amount must be a number");

        assertThat(instance).isWaitingAt(TASK_QUALIFY_LEAD);
        Assertions.assertThat(leads.get(leadId(instance)).status().name()).isEqualTo("OPEN");
        Assertions.assertThat(opportunities.listVisibleTo(TestOrganization.REP))
                .noneMatch(o -> o.leadId() != null && o.leadId() == leadId(instance));
    }

    // --- helpers -------------------------------------------------------------------------------

    private ProcessInstance newLead(String amount) {
        Lead lead = intake.receive(new NewLead(TestOrganization.account(accounts, TestOrganization.REP).id(),
                TestOrganization.REP, "Planning suite", "Web", TestOrganization.amount(amount)));
        ProcessInstance instance = runtimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(lead.id())).singleResult();
        assertThat(instance).isStarted().hasProcessDefinitionKey(KEY);
        current = instance;
        return instance;
    }

    private ProcessInstance qualifiedDeal(String amount) {
        ProcessInstance instance = newLead(amount);
        qualify(instance, amount);
        return instance;
    }

    private void qualify(ProcessInstance instance, String amount) {
        completeAs(TestOrganization.REP, Map.of(F_QUALIFICATION_DECISION, "qualify", F_BUDGET, "Approved",
                F_AUTHORITY, "CIO", F_NEED, "Planning is manual", F_TIMELINE, "This quarter",
                F_OPPORTUNITY_NAME, "Planning suite", F_AMOUNT, amount, F_EXPECTED_CLOSE_DATE, nextMonth));
        Assertions.assertThat(runtimeService().getVariable(instance.getId(), F_BUDGET)).as("form fields are removed").isNull();
    }

    private void askToAdvance(String outcomes, String probability) {
        completeAs(TestOrganization.REP, Map.of(F_STAGE_ACTION, "advance", F_OUTCOMES_MET, outcomes,
                F_EVIDENCE, "Confirmed with the customer's CIO on " + today, F_CLAIMED_PROBABILITY, probability));
    }

    /** Completes the open task of the current instance as that person, as the Tasklist would. */
    private void completeAs(String userId, Map<String, Object> fields) {
        Task open = engine.getTaskService().createTaskQuery().processInstanceId(current.getId()).active().singleResult();
        Assertions.assertThat(open).as("an open task").isNotNull();
        identityService.setAuthentication(userId, identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            complete(open, fields);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Task task(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private Job job(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).executable().list().stream()
                .filter(j -> j.getDuedate() == null || !j.getDuedate().after(new Date()))
                .findFirst().orElseThrow();
    }

    private long leadId(ProcessInstance instance) {
        return Long.parseLong(instance.getBusinessKey());
    }

    private long dealId(ProcessInstance instance) {
        return ((Number) historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(OPPORTUNITY_ID).singleResult().getValue()).longValue();
    }

    private List<OutboxMessage> notificationsOf(String personId, long dealId, NotificationKind kind) {
        long since = opportunities.get(dealId).createdAt().atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        return notifications.forRecipient(personId, 500).stream()
                .filter(m -> m.kind() == kind && m.createdAt().toEpochMilli() >= since).toList();
    }

    private List<NotificationKind> kinds(String personId, long invoiceId) {
        return notifications.forRecipient(personId, 500).stream()
                .filter(m -> m.body().contains("Invoice " + invoiceId + " ")).map(OutboxMessage::kind).toList();
    }

    private static Date startOfDay(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}

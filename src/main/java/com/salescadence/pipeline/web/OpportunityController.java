package com.salescadence.pipeline.web;

import static com.salescadence.workflow.LeadToCashProcess.*;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.common.NotFoundException;
import com.salescadence.pipeline.CashService;
import com.salescadence.pipeline.Invoice;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.SalesOrder;
import com.salescadence.pipeline.StageChange;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.workflow.TaskActions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/opportunities")
@Tag(name = "Opportunities", description = "Deals moving through the stages; each action completes the caller's task in lead-to-cash")
class OpportunityController {

    private final OpportunityService opportunities;
    private final CashService cash;
    private final TaskActions tasks;
    private final Clock clock;

    OpportunityController(OpportunityService opportunities, CashService cash, TaskActions tasks, Clock clock) {
        this.opportunities = opportunities;
        this.cash = cash;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** A deal as listed: its fields, and whether it is overdue (open past its expected close date). */
    record ListedOpportunity(@JsonUnwrapped Opportunity opportunity, boolean overdue) {
    }

    @GetMapping
    @Operation(summary = "Opportunities the caller may see: a rep their own, a manager their team's; overdue = open past the expected close date")
    List<ListedOpportunity> list(Principal principal) {
        LocalDate today = LocalDate.now(clock);
        return opportunities.listVisibleTo(principal.getName()).stream()
                .map(o -> new ListedOpportunity(o, o.overdueOn(today))).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One opportunity with its stage history, evidence, advance requests, order, invoice and payments")
    OpportunityDetails get(@PathVariable long id, Principal principal) {
        Opportunity deal = opportunities.visibleTo(id, principal.getName());
        Stage stage = opportunities.modelOf(deal).stage(deal.stageCode());
        SalesOrder order = cash.orderOf(id).orElse(null);
        Invoice invoice = order == null ? null : cash.invoiceOf(order.id()).orElse(null);
        return new OpportunityDetails(deal, stage.name(), stage.winRate(), opportunities.history(id),
                opportunities.evidence(id), opportunities.advanceRequests(id), order, invoice,
                invoice == null ? List.of() : cash.payments(invoice.id()), deal.overdueOn(LocalDate.now(clock)));
    }

    @GetMapping("/{id}/stage-history")
    @Operation(summary = "Every stage change of the opportunity, oldest first")
    List<StageChange> history(@PathVariable long id, Principal principal) {
        opportunities.visibleTo(id, principal.getName());
        return opportunities.history(id);
    }

    @PostMapping("/{id}/stage-work")
    @Operation(summary = "Rep: ask to advance (with evidence and claimed probability) or record the deal as lost")
    OpportunityDetails stageWork(@PathVariable long id, @RequestBody PipelineRequests.StageWorkRequest request,
                                 Principal principal) {
        complete(id, TASK_WORK_STAGE, principal, Fields.of()
                .put(F_STAGE_ACTION, request.action())
                .put(F_OUTCOMES_MET, request.outcomes() == null ? null : String.join(",", request.outcomes()))
                .put(F_EVIDENCE, request.evidence())
                .put(F_CLAIMED_PROBABILITY, request.claimedProbability())
                .put(F_TARGET_STAGE, request.targetStage())
                .put(F_LOSS_REASON, request.lossReason()));
        return get(id, principal);
    }

    @PostMapping("/{id}/advance-decision")
    @Operation(summary = "Manager: approve or reject the pending stage advance (a comment is required to reject)")
    OpportunityDetails decide(@PathVariable long id, @RequestBody PipelineRequests.AdvanceDecisionRequest request,
                              Principal principal) {
        complete(id, TASK_APPROVE_STAGE_ADVANCE, principal, Fields.of()
                .put(F_ADVANCE_DECISION, request.decision())
                .put(F_DECISION_COMMENT, request.comment()));
        return get(id, principal);
    }

    @PostMapping("/{id}/go-decision")
    @Operation(summary = "Manager: go / no-go assessment of a large deal")
    OpportunityDetails goDecision(@PathVariable long id, @RequestBody PipelineRequests.GoDecisionRequest request,
                                  Principal principal) {
        complete(id, TASK_GO_NO_GO, principal, Fields.of()
                .put(F_GO_DECISION, request.decision())
                .put(F_GO_NO_GO_REASON, request.reasoning()));
        return get(id, principal);
    }

    @PostMapping("/{id}/small-deal-outcome")
    @Operation(summary = "Rep: won or lost for a small deal that stays out of the funnel")
    OpportunityDetails smallDeal(@PathVariable long id, @RequestBody PipelineRequests.SmallDealOutcomeRequest request,
                                 Principal principal) {
        complete(id, TASK_RECORD_SMALL_DEAL_OUTCOME, principal, Fields.of()
                .put(F_DEAL_OUTCOME, request.outcome())
                .put(F_LOSS_REASON, request.lossReason()));
        return get(id, principal);
    }

    @PostMapping("/{id}/credit-check")
    @Operation(summary = "Finance: credit check of a won deal; approval books the order")
    OpportunityDetails creditCheck(@PathVariable long id, @RequestBody PipelineRequests.CreditCheckRequest request,
                                   Principal principal) {
        complete(id, TASK_CREDIT_CHECK, principal, Fields.of()
                .put(F_CREDIT_DECISION, request.decision())
                .put(F_CREDIT_NOTE, request.note()));
        return get(id, principal);
    }

    @PostMapping("/{id}/delivery")
    @Operation(summary = "Rep: confirm delivery of the order; the invoice is issued")
    OpportunityDetails delivery(@PathVariable long id, @RequestBody PipelineRequests.DeliveryRequest request,
                                Principal principal) {
        complete(id, TASK_CONFIRM_DELIVERY, principal, Fields.of()
                .put(F_DELIVERED_ON, request.deliveredOn())
                .put(F_DELIVERY_NOTE, request.note()));
        return get(id, principal);
    }

    @PostMapping("/{id}/payments")
    @Operation(summary = "Finance: record money received against the deal's invoice")
    OpportunityDetails payment(@PathVariable long id, @RequestBody PipelineRequests.PaymentRequest request,
                               Principal principal) {
        complete(id, TASK_RECORD_PAYMENT, principal, Fields.of()
                .put(F_PAYMENT_AMOUNT, request.amount())
                .put(F_PAYMENT_DATE, request.receivedOn())
                .put(F_PAYMENT_REFERENCE, request.reference()));
        return get(id, principal);
    }

    private void complete(long id, String activityId, Principal principal, Fields fields) {
        Opportunity deal = opportunities.visibleTo(id, principal.getName());
        if (deal.leadId() == null) {
            throw new NotFoundException("Opportunity " + id + " has no lead-to-cash process.");
        }
        tasks.complete(String.valueOf(deal.leadId()), activityId, principal.getName(), fields.map());
    }
}

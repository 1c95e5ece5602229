package com.salescadence.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.pipeline.stage.Outcome;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageKind;
import com.salescadence.pipeline.stage.StageModel;

/** The short read-only texts a task form shows: what the deal is, where it stands, what is missing. */
@Service
@Transactional(readOnly = true)
public class DealBriefs {

    private final LeadService leads;
    private final AccountService accounts;
    private final OpportunityService opportunities;
    private final CashService cash;
    private final OrganizationService organization;

    DealBriefs(LeadService leads, AccountService accounts, OpportunityService opportunities, CashService cash,
               OrganizationService organization) {
        this.leads = leads;
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.cash = cash;
        this.organization = organization;
    }

    public String lead(long leadId) {
        Lead lead = leads.get(leadId);
        Account account = accounts.get(lead.accountId());
        return "Lead " + lead.id() + ": " + lead.title() + "\nAccount: " + account.name() + " (" + account.tier() + ")"
                + "\nSource: " + (lead.source() == null ? "-" : lead.source())
                + "\nEstimated amount: " + (lead.estimatedAmount() == null ? "-" : lead.estimatedAmount().toPlainString() + " " + lead.currency())
                + "\nOwner: " + name(lead.ownerId());
    }

    public String deal(long opportunityId) {
        Opportunity deal = opportunities.get(opportunityId);
        Account account = accounts.get(deal.accountId());
        StageModel model = opportunities.modelOf(deal);
        return "Deal " + deal.id() + ": " + deal.name() + "\nAccount: " + account.name() + " (" + account.tier() + ")"
                + "\nAmount: " + deal.amount().toPlainString() + " " + deal.currency()
                + "\nExpected close: " + deal.expectedCloseDate()
                + "\nStage: " + model.stage(deal.stageCode()).describe() + ", status " + deal.status()
                + "\nOwner: " + name(deal.ownerId());
    }

    /** Where the deal stands, what the gate needs, and what the manager last said. */
    public String stage(long opportunityId) {
        Opportunity deal = opportunities.get(opportunityId);
        StageModel model = opportunities.modelOf(deal);
        Stage stage = model.stage(deal.stageCode());
        StringBuilder text = new StringBuilder(deal(opportunityId));
        text.append("\n\nProbability now: ").append(deal.probability()).append("% (stage cap ").append(stage.probabilityCap()).append("%)");
        if (stage.isOpen()) {
            Stage next = model.next(stage.code());
            text.append("\nNext stage: ").append(next.describe()).append(", claim at most ").append(next.probabilityCap()).append("%");
            Map<String, String> evidence = opportunities.currentEvidence(deal);
            text.append("\nOutcomes to evidence before leaving ").append(stage.name()).append(":");
            for (Outcome outcome : outcomesToLeave(model, stage)) {
                text.append("\n  ").append(evidence.containsKey(outcome.code()) ? "[x] " : "[ ] ")
                        .append(outcome.label()).append(outcome.required() ? " (required)" : " (optional)");
                if (evidence.containsKey(outcome.code())) {
                    text.append(": ").append(evidence.get(outcome.code()));
                }
            }
        }
        opportunities.lastAdvanceRequest(opportunityId).ifPresent(request -> {
            text.append("\n\nLast advance request: ").append(model.stage(request.fromStage()).name()).append(" -> ")
                    .append(model.stage(request.toStage()).name()).append(" at ").append(request.claimedProbability())
                    .append("%, asked by ").append(name(request.requestedBy())).append(": ").append(request.status());
            if (request.decisionComment() != null) {
                text.append("\nComment from ").append(name(request.approverId())).append(": ").append(request.decisionComment());
            }
        });
        return text.toString();
    }

    /** The checklist options of the stage form: the outcomes of the stage being left. */
    public List<Map<String, String>> outcomeOptions(long opportunityId) {
        Opportunity deal = opportunities.get(opportunityId);
        StageModel model = opportunities.modelOf(deal);
        Stage stage = model.stage(deal.stageCode());
        List<Map<String, String>> options = new ArrayList<>();
        if (stage.isOpen()) {
            for (Outcome outcome : outcomesToLeave(model, stage)) {
                Map<String, String> option = new LinkedHashMap<>();
                // bilingual, like every label of the forms: "已了解客户的业务和需求（必需） / Customer's ... (required)"
                option.put("label", outcome.label("zh") + (outcome.required() ? "（必需）" : "") + " / "
                        + outcome.label() + (outcome.required() ? " (required)" : ""));
                option.put("value", outcome.code());
                options.add(option);
            }
        }
        return options;
    }

    public String invoice(long invoiceId) {
        Invoice invoice = cash.invoice(invoiceId);
        Opportunity deal = cash.dealOf(invoice);
        return "Invoice " + invoice.id() + " for '" + deal.name() + "'\nAmount: " + invoice.amount().toPlainString() + " "
                + invoice.currency() + "\nOutstanding: " + cash.outstanding(invoice).toPlainString() + " " + invoice.currency()
                + "\nIssued: " + invoice.issuedOn() + ", due: " + invoice.dueOn() + ", status " + invoice.status()
                + "\nRep: " + name(deal.ownerId());
    }

    private static List<Outcome> outcomesToLeave(StageModel model, Stage stage) {
        List<Outcome> outcomes = new ArrayList<>(stage.outcomes());
        Stage next = model.next(stage.code());
        if (next.kind() == StageKind.WON) {
            outcomes.addAll(next.outcomes());
        }
        return outcomes;
    }

    private String name(String personId) {
        return organization.findPerson(personId).map(Person::fullName).orElse(personId);
    }
}

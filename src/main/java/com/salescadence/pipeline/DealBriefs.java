package com.salescadence.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.BriefText;
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
        return BriefText.start().line("线索 " + lead.id(), "Lead " + lead.id(), lead.title())
                .line("客户", "Account", account.name() + " (" + BriefText.code(account.tier()) + ")")
                .line("来源", "Source", lead.source())
                .line("预估金额", "Estimated amount", lead.estimatedAmount() == null ? null
                        : lead.estimatedAmount().toPlainString() + " " + lead.currency())
                .line("负责人", "Owner", name(lead.ownerId())).toString();
    }

    public String deal(long opportunityId) {
        return dealText(opportunities.get(opportunityId)).toString();
    }

    private BriefText dealText(Opportunity deal) {
        Account account = accounts.get(deal.accountId());
        StageModel model = opportunities.modelOf(deal);
        return BriefText.start().line("商机 " + deal.id(), "Deal " + deal.id(), deal.name())
                .line("客户", "Account", account.name() + " (" + BriefText.code(account.tier()) + ")")
                .line("金额", "Amount", deal.amount().toPlainString() + " " + deal.currency())
                .line("预计成交", "Expected close", deal.expectedCloseDate())
                .line("阶段", "Stage", stageName(model.stage(deal.stageCode())) + ", " + BriefText.code(deal.status()))
                .line("负责人", "Owner", name(deal.ownerId()));
    }

    /** The stage form's brief and checklist options, from one read of the deal (the stage task's create listener). */
    public record StageForm(String brief, List<Map<String, String>> outcomeOptions) {
    }

    /** {@link #stage(long)} and {@link #outcomeOptions(long)} of the same deal, which is read once for both. */
    public StageForm stageForm(long opportunityId) {
        Opportunity deal = opportunities.get(opportunityId);
        return new StageForm(stage(deal), outcomeOptions(deal));
    }

    /** Where the deal stands, what the gate needs, and what the manager last said. */
    public String stage(long opportunityId) {
        return stage(opportunities.get(opportunityId));
    }

    private String stage(Opportunity deal) {
        long opportunityId = deal.id();
        StageModel model = opportunities.modelOf(deal);
        Stage stage = model.stage(deal.stageCode());
        BriefText text = dealText(deal).gap()
                .line("当前赢率", "Probability now", deal.probability() + "% (上限 / stage cap " + stage.probabilityCap() + "%)");
        if (stage.isOpen()) {
            Stage next = model.next(stage.code());
            text.line("下一阶段", "Next stage", stageName(next) + ", 最多申报 / claim at most " + next.probabilityCap() + "%");
            Map<String, String> evidence = opportunities.currentEvidence(deal);
            text.append("离开「" + stage.name("zh") + "」前需证明的成果 / Outcomes to evidence before leaving " + stage.name() + ":");
            for (Outcome outcome : outcomesToLeave(model, stage)) {
                boolean met = evidence.containsKey(outcome.code());
                text.append("  " + (met ? "[x] " : "[ ] ") + outcome.label("zh") + (outcome.required() ? "（必需）" : "（可选）")
                        + " / " + outcome.label() + (outcome.required() ? " (required)" : " (optional)")
                        + (met ? ": " + evidence.get(outcome.code()) : ""));
            }
        }
        opportunities.lastAdvanceRequest(opportunityId).ifPresent(request -> {
            Stage from = model.stage(request.fromStage());
            Stage to = model.stage(request.toStage());
            text.gap().line("上次推进申请", "Last advance request", from.name("zh") + " -> " + to.name("zh") + " / " + from.name()
                    + " -> " + to.name() + ", " + request.claimedProbability() + "%, "
                    + name(request.requestedBy()) + ": " + BriefText.code(request.status()));
            if (request.decisionComment() != null) {
                text.line(name(request.approverId()) + " 的意见", "Comment from " + name(request.approverId()), request.decisionComment());
            }
        });
        return text.toString();
    }

    /** The checklist options of the stage form: the outcomes of the stage being left. */
    public List<Map<String, String>> outcomeOptions(long opportunityId) {
        return outcomeOptions(opportunities.get(opportunityId));
    }

    private List<Map<String, String>> outcomeOptions(Opportunity deal) {
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
        return BriefText.start().line("发票 " + invoice.id(), "Invoice " + invoice.id(), deal.name())
                .line("金额", "Amount", invoice.amount().toPlainString() + " " + invoice.currency())
                .line("未付", "Outstanding", cash.outstanding(invoice).toPlainString() + " " + invoice.currency())
                .line("开票 / 到期", "Issued / due", invoice.issuedOn() + " / " + invoice.dueOn() + ", " + BriefText.code(invoice.status()))
                .line("销售代表", "Rep", name(deal.ownerId())).toString();
    }

    /** "识别机会 / Identify opportunity (10%)": the stage in both languages with its win rate. */
    private static String stageName(Stage stage) {
        return (stage.name("zh").equals(stage.name()) ? "" : stage.name("zh") + " / ") + stage.describe();
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

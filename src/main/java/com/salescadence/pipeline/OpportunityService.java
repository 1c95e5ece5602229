package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.common.NotFoundException;
import com.salescadence.common.ValidationException;
import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.stage.GateResult;
import com.salescadence.pipeline.stage.ProbabilityRule;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageGate;
import com.salescadence.pipeline.stage.StageKind;
import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.pipeline.stage.StageModelCatalog;

// Over 250 lines (issue 14 item 6): one deal's lifecycle in one transactional service; the stage rules are in pipeline.stage, the texts in DealBriefs.
/** Opportunities moving through the stages of the active stage model, gated by evidence and approval. */
@Service
@Transactional
public class OpportunityService {

    private final OpportunityRepository opportunities;
    private final LeadRepository leads;
    private final StageModelCatalog stageModels;
    private final OrganizationService organization;
    private final NotificationService notifications;
    private final FunnelPolicy funnel;
    private final int closeDateHorizonYears;
    private final Clock clock;

    OpportunityService(OpportunityRepository opportunities, LeadRepository leads, StageModelCatalog stageModels,
                       OrganizationService organization, NotificationService notifications,
                       PipelineProperties properties, Clock clock) {
        this.opportunities = opportunities;
        this.leads = leads;
        this.stageModels = stageModels;
        this.organization = organization;
        this.notifications = notifications;
        this.funnel = FunnelPolicy.from(properties);
        this.closeDateHorizonYears = properties.closeDateHorizonYears();
        this.clock = clock;
    }

    /** Adds the problems of a new opportunity's name, amount and close date to {@code checks}. */
    void checkOpening(String name, BigDecimal amount, LocalDate expectedClose, Checks checks) {
        checks.requiredName(name, "Opportunity name", Checks.SHORT_TEXT)
                .positiveAmount(amount, "Amount")
                .require(expectedClose != null, "Expected close date is required.")
                .require(expectedClose == null || !expectedClose.isBefore(LocalDate.now(clock)),
                        "Expected close date " + expectedClose + " is in the past.");
        closeDateHorizon(expectedClose, checks);
    }

    /** Issue 18 item 14: a close date beyond the horizon (cadence.pipeline.close-date-horizon-years) is a typo. */
    void closeDateHorizon(LocalDate expectedClose, Checks checks) {
        LocalDate latest = LocalDate.now(clock).plusYears(closeDateHorizonYears);
        checks.require(expectedClose == null || !expectedClose.isAfter(latest),
                "预计成交日期 " + expectedClose + " 太远：最晚为 " + latest + "（" + closeDateHorizonYears + " 年内）。 / "
                        + "Expected close date " + expectedClose + " is too far ahead: at most " + latest
                        + " (" + closeDateHorizonYears + " years from today).");
    }

    Opportunity open(Lead lead, String name, BigDecimal amount, LocalDate expectedClose) {
        StageModel model = stageModels.active();
        Stage first = model.first();
        LocalDateTime now = LocalDateTime.now(clock);
        long id = opportunities.insert(lead.id(), lead.accountId(), lead.ownerId(), name, amount, lead.currency(),
                expectedClose, model.id(), first.code(), first.winRate(), funnel.inFunnel(amount), now);
        opportunities.addHistory(id, null, first.code(), first.winRate(), lead.ownerId(), now, "Opened from lead " + lead.id());
        return get(id);
    }

    /**
     * Stores a deal imported where it already stands, with its stage history entry; in_funnel follows the
     * funnel policy as for every deal. An open deal also gets a converted lead, whose id is the business key
     * of the lead-to-cash instance that {@code pipeline.process.DealImport} starts for it; a won or lost deal
     * is history and gets neither.
     */
    public Opportunity importDeal(ImportedDeal deal, String actorId, String note) {
        return importDeals(List.of(deal), actorId, note).get(0);
    }

    /**
     * Stores imported deals as they stand (an open one with its converted lead), each with its first stage history entry,
     * in the caller's transaction; returned in the given order. One batch per table, not one statement per deal.
     */
    public List<Opportunity> importDeals(List<ImportedDeal> deals, String actorId, String note) {
        StageModel model = stageModels.active();
        LocalDateTime now = LocalDateTime.now(clock);
        List<Stage> stages = deals.stream().map(d -> model.stage(d.stageCode())).toList();
        List<ImportedDeal> open = new java.util.ArrayList<>();
        for (int i = 0; i < deals.size(); i++) {
            if (stages.get(i).kind() == StageKind.OPEN) {
                open.add(deals.get(i));
            }
        }
        java.util.Iterator<Long> leadIds = leads.insertConverted(open.stream().map(deal -> new NewLead(deal.accountId(),
                deal.ownerId(), deal.name(), "CSV import", deal.amount())).toList(), open.stream().map(ImportedDeal::currency).toList(), now)
                .iterator();
        List<OpportunityRepository.ImportedRow> rows = new java.util.ArrayList<>(deals.size());
        for (int i = 0; i < deals.size(); i++) {
            ImportedDeal deal = deals.get(i);
            Stage stage = stages.get(i);
            OpportunityStatus status = switch (stage.kind()) {
                case OPEN -> OpportunityStatus.OPEN;
                case WON -> OpportunityStatus.WON;
                case LOST -> OpportunityStatus.LOST;
            };
            // a closed deal entered its stage when it closed; an open one when it was imported (earlier is not known)
            LocalDateTime closedAt = status == OpportunityStatus.OPEN ? null
                    : (deal.closedOn() == null ? deal.expectedCloseDate() : deal.closedOn()).atStartOfDay();
            LocalDateTime enteredAt = closedAt == null ? now : closedAt;
            LocalDateTime createdAt = deal.createdOn() != null ? deal.createdOn().atStartOfDay() : enteredAt;
            rows.add(new OpportunityRepository.ImportedRow(status == OpportunityStatus.OPEN ? leadIds.next() : null, deal, model.id(),
                    stage.code(), ProbabilityRule.claimable(stage, deal.probability()), status, funnel.inFunnel(deal.amount()),
                    createdAt, enteredAt, closedAt));
        }
        List<Long> ids = opportunities.insertImported(rows);
        opportunities.addFirstHistory(ids, rows, actorId, note);
        Map<Long, Opportunity> stored = new java.util.HashMap<>();
        opportunities.findByIds(ids).forEach(o -> stored.put(o.id(), o));
        return ids.stream().map(stored::get).toList();
    }

    boolean needsGoNoGo(Opportunity opportunity) {
        return funnel.needsGoNoGo(opportunity.amount());
    }

    @Transactional(readOnly = true)
    public Opportunity get(long id) {
        return opportunities.find(id).orElseThrow(() -> new NotFoundException("No opportunity " + id + "."));
    }

    /** Whether the account already has a deal of that name (case and surrounding blanks ignored). */
    @Transactional(readOnly = true)
    public boolean existsOnAccount(long accountId, String name) {
        return opportunities.existsOnAccount(accountId, name);
    }

    @Transactional(readOnly = true)
    public Opportunity visibleTo(long id, String viewerId) {
        Opportunity opportunity = get(id);
        if (!organization.canSee(viewerId, opportunity.ownerId())) {
            throw new NotFoundException("No opportunity " + id + ".");
        }
        return opportunity;
    }

    @Transactional(readOnly = true)
    public List<Opportunity> listVisibleTo(String viewerId) {
        return organization.visibleOwners(viewerId).map(opportunities::findByOwners).orElseGet(opportunities::findAll);
    }

    /** Those of these deals that the person owns and that are open (one statement); none for no ids. */
    @Transactional(readOnly = true)
    public List<Opportunity> openOwnedBy(String owner, java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : opportunities.findOpen(owner, ids);
    }

    /** The deals these people own, newest first (one statement); none for nobody. */
    @Transactional(readOnly = true)
    public List<Opportunity> ownedBy(java.util.Collection<String> owners) {
        return owners.isEmpty() ? List.of() : opportunities.findByOwners(owners);
    }

    @Transactional(readOnly = true)
    public List<StageChange> history(long id) {
        return opportunities.history(id);
    }

    @Transactional(readOnly = true)
    public List<StageEvidence> evidence(long id) {
        return opportunities.evidence(id);
    }

    @Transactional(readOnly = true)
    public List<AdvanceRequest> advanceRequests(long id) {
        return opportunities.advanceRequests(id);
    }

    @Transactional(readOnly = true)
    public StageModel modelOf(Opportunity opportunity) {
        return stageModels.model(opportunity.stageModel());
    }

    /**
     * A rep's stage work. Bad input is refused before anything is stored; so is an advance the stage gate does not
     * pass, with the names of the missing required outcomes (issue 13 item 7: not a silent send-back that wipes the
     * rep's input). Evidence recorded earlier in the stage still counts.
     */
    public StageWorkResult recordStageWork(long opportunityId, StageWork work, String actorId) {
        Opportunity opportunity = requireOpenInFunnel(opportunityId);
        if (work.action() == null) {
            throw new ValidationException("Choose whether to ask for an advance or to record the deal as lost.");
        }
        if (work.action() == StageWork.Action.LOST) {
            markLost(opportunityId, work.lossReason(), actorId);
            return new StageWorkResult(StageWork.Action.LOST, null, null, null);
        }
        StageModel model = modelOf(opportunity);
        Set<String> newOutcomes = work.evidence().keySet();
        Checks checks = Checks.start();
        List<String> unknown = StageGate.unknownOutcomes(model, opportunity.stageCode(), newOutcomes);
        checks.require(unknown.isEmpty(), "Unknown outcome(s) for this stage: " + String.join(", ", unknown) + ".");
        checks.require(work.evidence().values().stream().noneMatch(text -> text == null || text.isBlank()),
                StageWork.EVIDENCE_REQUIRED);
        work.evidence().values().stream().filter(text -> text != null && !text.isBlank()).distinct()
                .forEach(text -> checks.requiredText(text, "Evidence", Checks.LONG_TEXT));
        checks.orThrow();

        Set<String> evidenced = new HashSet<>(newOutcomes);
        opportunities.evidence(opportunityId).stream()
                .filter(e -> e.stageCode().equals(opportunity.stageCode()))
                .forEach(e -> evidenced.add(e.outcomeCode()));
        GateResult gate = StageGate.check(model, opportunity.stageCode(), work.targetStage(), evidenced);
        // a required outcome missing: refused with its name, nothing stored (the rep's form keeps what was typed)
        if (!gate.passed()) {
            throw new ValidationException(gate.refusal());
        }
        int claimed = ProbabilityRule.claimable(gate.to(), work.claimedProbability());

        LocalDateTime now = LocalDateTime.now(clock);
        work.evidence().forEach((code, text) ->
                opportunities.addEvidence(opportunityId, opportunity.stageCode(), code, text.trim(), actorId, now));
        opportunities.cancelPendingRequests(opportunityId, "Superseded by a new request", now);
        String approverId = organization.approverOf(opportunity.ownerId());
        long requestId = opportunities.insertAdvanceRequest(opportunityId, gate.from().code(), gate.to().code(), claimed,
                actorId, now, approverId);
        notifications.notify(approverId, NotificationKind.STAGE_ADVANCE_REQUESTED,
                "Approve: " + opportunity.name() + " to " + gate.to().name(),
                personName(actorId) + " asks to advance '" + opportunity.name() + "' (" + opportunity.amount().toPlainString()
                        + " " + opportunity.currency() + ") from " + gate.from().name() + " to " + gate.to().name()
                        + " at " + claimed + "%. The approval task is in your Tasklist.");
        return new StageWorkResult(StageWork.Action.ADVANCE, gate, requestId, approverId);
    }

    /** The manager's decision on the pending advance request; approval moves the stage and its win rate. */
    public AdvanceDecision decideAdvance(long opportunityId, boolean approve, String comment, String actorId) {
        Opportunity opportunity = requireOpenInFunnel(opportunityId);
        AdvanceRequest request = opportunities.pendingAdvanceRequest(opportunityId)
                .orElseThrow(() -> new ValidationException("There is no advance request waiting for a decision on this deal."));
        if (actorId.equals(request.requestedBy())) {
            throw new ValidationException("You cannot approve your own stage advance: " + personName(request.approverId()) + " decides it.");
        }
        Person actor = organization.person(actorId);
        if (!actorId.equals(request.approverId()) && actor.role() != Role.ADMIN
                && !organization.managersAbove(request.approverId()).contains(actorId)) {
            throw new ValidationException("Only " + personName(request.approverId()) + " or their managers may decide this advance.");
        }
        Checks checks = Checks.start().optionalText(comment, "Comment", Checks.LONG_TEXT);
        if (!approve) {
            checks.requiredText(comment, "A comment telling the rep what is missing", Checks.LONG_TEXT);
        }
        checks.orThrow();
        LocalDateTime now = LocalDateTime.now(clock);
        StageModel model = modelOf(opportunity);
        String note = comment == null ? null : comment.trim();
        if (!approve) {
            opportunities.decideAdvanceRequest(request.id(), AdvanceRequest.REJECTED, note, now);
            notifications.notify(opportunity.ownerId(), NotificationKind.STAGE_ADVANCE_DECIDED,
                    "Advance rejected: " + opportunity.name(),
                    personName(actorId) + " did not approve moving '" + opportunity.name() + "' to "
                            + model.stage(request.toStage()).name() + ": " + note);
            return new AdvanceDecision(false, false, opportunity.stageCode(), opportunity.probability());
        }
        Stage to = model.stage(request.toStage());
        boolean won = to.kind() == StageKind.WON;
        opportunities.decideAdvanceRequest(request.id(), AdvanceRequest.APPROVED, note, now);
        opportunities.moveStage(opportunityId, to.code(), request.claimedProbability(),
                won ? OpportunityStatus.WON : OpportunityStatus.OPEN, now);
        opportunities.addHistory(opportunityId, request.fromStage(), to.code(), request.claimedProbability(), actorId, now,
                note == null ? "Approved" : "Approved: " + note);
        notifications.notify(opportunity.ownerId(), NotificationKind.STAGE_ADVANCE_DECIDED,
                (won ? "Won: " : "Advance approved: ") + opportunity.name(),
                personName(actorId) + " approved moving '" + opportunity.name() + "' to " + to.describe()
                        + (note == null ? "." : ": " + note));
        return new AdvanceDecision(true, won, to.code(), request.claimedProbability());
    }

    /** A deal can be lost from any open stage; the reason is required. */
    public void markLost(long opportunityId, String reason, String actorId) {
        Opportunity opportunity = get(opportunityId);
        if (opportunity.status() != OpportunityStatus.OPEN) {
            throw new ValidationException("The deal is already " + opportunity.status().name().toLowerCase() + ".");
        }
        Checks.start().requiredText(reason, "Loss reason", Checks.LONG_TEXT).orThrow();
        LocalDateTime now = LocalDateTime.now(clock);
        Stage lost = modelOf(opportunity).lost();
        opportunities.cancelPendingRequests(opportunityId, "Deal lost", now);
        opportunities.recordLoss(opportunityId, lost.code(), reason.trim(), now);
        opportunities.addHistory(opportunityId, opportunity.stageCode(), lost.code(), 0, actorId, now, reason.trim());
    }

    /** Go / no-go for a large deal: no-go exits the deal now, recorded as lost with the reasoning. */
    public boolean recordGoDecision(long opportunityId, boolean go, String reasoning, String actorId) {
        Opportunity opportunity = requireOpenInFunnel(opportunityId);
        java.util.Optional<Person> actor = organization.findPerson(actorId);   // empty: the system, an engine-only administrator
        if (actor.isPresent()) {
            // nobody decides on their own deal, even when the task was handed to them
            String approverId = organization.approverOf(opportunity.ownerId());
            if (actorId.equals(opportunity.ownerId())) {
                throw new ValidationException("You cannot decide go / no-go on your own deal: " + personName(approverId)
                        + " decides it. / 不能对自己的商机做 go / no-go 决定，由 " + personName(approverId) + " 决定。");
            }
            if (!actorId.equals(approverId) && actor.get().role() != Role.ADMIN
                    && !organization.managersAbove(approverId).contains(actorId)) {
                throw new ValidationException("Only " + personName(approverId) + " or their managers may decide go / no-go on "
                        + "this deal. / 只有 " + personName(approverId) + " 或其上级可以决定。");
            }
        }
        Checks.start().requiredText(reasoning, "Reasoning", Checks.LONG_TEXT).orThrow();
        opportunities.recordGoDecision(opportunityId, go ? "GO" : "NO_GO");
        if (!go) {
            markLost(opportunityId, "No-go: " + reasoning.trim(), actorId);
        }
        return go;
    }

    /** A small deal out of the funnel skips the stages: the rep only records won or lost. */
    public boolean recordSmallDealOutcome(long opportunityId, boolean won, String lossReason, String actorId) {
        Opportunity opportunity = get(opportunityId);
        if (opportunity.inFunnel()) {
            throw new ValidationException("This deal is in the funnel: it moves through the stages.");
        }
        if (!won) {
            markLost(opportunityId, lossReason, actorId);
            return false;
        }
        if (opportunity.status() != OpportunityStatus.OPEN) {
            throw new ValidationException("The deal is already " + opportunity.status().name().toLowerCase() + ".");
        }
        Stage wonStage = modelOf(opportunity).won();
        LocalDateTime now = LocalDateTime.now(clock);
        opportunities.moveStage(opportunityId, wonStage.code(), wonStage.winRate(), OpportunityStatus.WON, now);
        opportunities.addHistory(opportunityId, opportunity.stageCode(), wonStage.code(), wonStage.winRate(), actorId, now,
                "Small deal won (out of funnel)");
        return true;
    }

    private Opportunity requireOpenInFunnel(long opportunityId) {
        Opportunity opportunity = get(opportunityId);
        if (opportunity.status() != OpportunityStatus.OPEN) {
            throw new ValidationException("The deal is already " + opportunity.status().name().toLowerCase() + ".");
        }
        return opportunity;
    }

    private String personName(String id) {
        return organization.findPerson(id).map(Person::fullName).orElse(id);
    }

    /** Evidence recorded for the current stage, by outcome code. */
    @Transactional(readOnly = true)
    public Map<String, String> currentEvidence(Opportunity opportunity) {
        Map<String, String> byOutcome = new java.util.LinkedHashMap<>();
        opportunities.evidence(opportunity.id()).stream()
                .filter(e -> e.stageCode().equals(opportunity.stageCode()))
                .forEach(e -> byOutcome.put(e.outcomeCode(), e.evidence()));
        return byOutcome;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<AdvanceRequest> lastAdvanceRequest(long opportunityId) {
        return opportunities.lastAdvanceRequest(opportunityId);
    }
}

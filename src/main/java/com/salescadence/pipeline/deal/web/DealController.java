package com.salescadence.pipeline.deal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.common.ApiError;
import com.salescadence.common.Inputs;
import com.salescadence.common.CurrencyRates;
import com.salescadence.notification.NotificationService;
import com.salescadence.notification.OutboxMessage;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.OpportunityStatus;
import com.salescadence.pipeline.deal.DealAccessDenied;
import com.salescadence.pipeline.deal.DealChangeService;
import com.salescadence.pipeline.deal.DealComments;
import com.salescadence.pipeline.deal.DealEdit;
import com.salescadence.pipeline.stage.Outcome;
import com.salescadence.pipeline.stage.StageModelCatalog;
import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.workflow.LeadToCashProcess;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.salescadence.pipeline.deal.web.DealViews.*;

@RestController
@RequestMapping("/api/deals")
@Tag(name = "Deals", description = "My deals (a rep's own, a manager's team's) as a board and a list, one deal's page, "
        + "in-place edits by the owner (every change kept) and comments")
class DealController {

    static final int MAILS = 20;

    private final OpportunityService opportunities;
    private final AccountService accounts;
    private final DealChangeService changes;
    private final DealComments comments;
    private final OrganizationService organization;
    private final NotificationService notifications;
    private final TaskService tasks;
    private final CurrencyRates rates;
    private final StageModelCatalog stageModels;
    private final Clock clock;

    DealController(OpportunityService opportunities, AccountService accounts, DealChangeService changes, DealComments comments,
                   OrganizationService organization, NotificationService notifications, TaskService tasks, CurrencyRates rates,
                   StageModelCatalog stageModels, Clock clock) {
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.changes = changes;
        this.comments = comments;
        this.organization = organization;
        this.notifications = notifications;
        this.tasks = tasks;
        this.rates = rates;
        this.stageModels = stageModels;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The deals the caller may see (a rep their own, a manager their branch's, admin and finance all), "
            + "with the stages of the active stage model for the board")
    DealList list(Principal principal) {
        String viewer = principal.getName();
        List<Opportunity> deals = opportunities.listVisibleTo(viewer);
        Map<Long, String> accountNames = new HashMap<>();
        accounts.listVisibleTo(viewer).forEach(a -> accountNames.put(a.id(), a.name()));
        Map<Long, String> nextSteps = changes.nextSteps(deals.stream().map(Opportunity::id).toList());
        Map<String, String> names = names(deals.stream().map(Opportunity::ownerId).toList());
        LocalDate today = LocalDate.now(clock);
        List<DealRow> rows = deals.stream().map(d -> row(d, accountNames, nextSteps.get(d.id()), names, today)).toList();
        return new DealList(viewer(viewer), rates.base(), stageModels.active().stages().stream().map(StageView::of).toList(), rows);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One deal's page: terms, stage history, evidence, advance requests, every change, comments, "
            + "its open tasks and the mails about it")
    DealPage get(@PathVariable long id, Principal principal) {
        String viewer = principal.getName();
        Opportunity deal = opportunities.visibleTo(id, viewer);
        StageModel model = opportunities.modelOf(deal);
        Map<String, Outcome> outcomes = new HashMap<>();
        model.stages().forEach(s -> s.outcomes().forEach(o -> outcomes.putIfAbsent(s.code() + "/" + o.code(), o)));
        List<EvidenceView> evidence = opportunities.evidence(id).stream().map(e -> {
            Outcome o = outcomes.get(e.stageCode() + "/" + e.outcomeCode());
            return new EvidenceView(e.stageCode(), e.outcomeCode(), o == null ? e.outcomeCode() : o.label(),
                    o == null || o.labelZh() == null ? null : o.labelZh(), e.evidence(), e.recordedBy(), e.recordedAt());
        }).toList();
        var history = opportunities.history(id);
        var requests = opportunities.advanceRequests(id);
        var changeLog = changes.changes(id, viewer);
        var commentList = comments.list(id, viewer);
        List<TaskView> open = openTasks(deal);
        List<MailView> mails = mails(deal, viewer);

        Set<String> people = new LinkedHashSet<>(List.of(deal.ownerId(), viewer));
        history.forEach(h -> people.add(h.changedBy()));
        evidence.forEach(e -> people.add(e.recordedBy()));
        requests.forEach(r -> { people.add(r.requestedBy()); people.add(r.approverId()); });
        changeLog.forEach(c -> people.add(c.changedBy()));
        commentList.forEach(c -> people.add(c.authorId()));
        open.forEach(t -> people.add(t.assignee()));
        mails.forEach(m -> people.add(m.recipientId()));
        Map<String, String> names = names(people);

        String accountName = accounts.get(deal.accountId()).name();
        DealRow row = row(deal, new HashMap<>(Map.of(deal.accountId(), accountName)), changes.nextStep(id).orElse(null), names,
                LocalDate.now(clock));
        boolean canEdit = deal.ownerId().equals(viewer) && deal.status() == OpportunityStatus.OPEN;
        return new DealPage(viewer(viewer), rates.base(), row, StageView.of(model.stage(deal.stageCode())),
                model.stages().stream().map(StageView::of).toList(), history, evidence, requests, changeLog, commentList,
                open, mails, names, canEdit, true);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Owner: change the amount, expected close date, probability (at most the stage's cap) or next step; "
            + "each change is kept and feeds snapshots and the waterfall. 400 with every problem and nothing stored; "
            + "403 for a manager (who comments instead); 404 for a deal the caller may not see")
    DealPage edit(@PathVariable long id, @RequestBody DealRequests.DealEditRequest request, Principal principal) {
        DealEdit edit = new DealEdit(Inputs.amount(request.amount(), "Amount"), Inputs.date(request.closeDate(), "Expected close date"),
                Inputs.percent(request.probability(), "Probability"), request.nextStep());
        changes.change(id, edit, principal.getName());
        return get(id, principal);
    }

    @PostMapping("/{id}/comments")
    @Operation(summary = "Comment on a deal the caller may see (a manager on the team's deals, the owner answering)")
    DealPage comment(@PathVariable long id, @RequestBody DealRequests.CommentRequest request, Principal principal) {
        comments.add(id, request.body(), principal.getName());
        return get(id, principal);
    }

    /** 403 with the reason in both languages (the general handler answers a bare "not allowed"). */
    @ExceptionHandler(DealAccessDenied.class)
    ResponseEntity<ApiError> denied(DealAccessDenied e) {
        return ApiError.of(HttpStatus.FORBIDDEN, e.getMessage());
    }

    private DealRow row(Opportunity d, Map<Long, String> accountNames, String nextStep, Map<String, String> names, LocalDate today) {
        BigDecimal base = rates.toBase(d.currency(), d.amount()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal weighted = base.multiply(BigDecimal.valueOf(d.probability())).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        String account = accountNames.computeIfAbsent(d.accountId(), a -> accounts.get(a).name());
        return new DealRow(d.id(), d.name(), d.accountId(), account, d.ownerId(), names.getOrDefault(d.ownerId(), d.ownerId()),
                d.amount(), d.currency(), base, weighted, d.expectedCloseDate(), d.stageCode(), d.probability(), d.status().name(),
                d.inFunnel(), d.overdueOn(today), nextStep, d.stageEnteredAt());
    }

    private Viewer viewer(String id) {
        Person person = organization.person(id);
        return new Viewer(id, person.fullName(), person.role().name(), person.role() != Role.REP);
    }

    private Map<String, String> names(java.util.Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        for (String id : new LinkedHashSet<>(ids)) {
            if (id != null) {
                names.put(id, organization.findPerson(id).map(Person::fullName).orElse(id));
            }
        }
        return names;
    }

    private List<TaskView> openTasks(Opportunity deal) {
        if (deal.leadId() == null) {
            return List.of();
        }
        List<Task> open = tasks.createTaskQuery().processDefinitionKey(LeadToCashProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(deal.leadId())).orderByTaskCreateTime().asc().list();
        return open.stream().map(t -> new TaskView(t.getId(), t.getName(), t.getAssignee(),
                t.getCreateTime() == null ? null : LocalDateTime.ofInstant(t.getCreateTime().toInstant(), ZoneId.systemDefault()),
                "/camunda/app/tasklist/default/#/?task=" + t.getId())).toList();
    }

    /** Mails whose subject or text names the deal, sent to its owner or the managers above whom the viewer may see. */
    private List<MailView> mails(Opportunity deal, String viewer) {
        List<String> recipients = new ArrayList<>();
        recipients.add(deal.ownerId());
        recipients.addAll(organization.managersAbove(deal.ownerId()));
        List<MailView> mails = new ArrayList<>();
        for (String recipient : recipients) {
            if (!organization.canSee(viewer, recipient)) {
                continue;
            }
            for (OutboxMessage m : notifications.forRecipient(recipient, NotificationService.MAX_LIMIT)) {
                if (m.subject().contains(deal.name()) || m.body().contains("'" + deal.name() + "'")) {
                    mails.add(new MailView(m.id(), m.recipientId(), m.kind().name(), m.subject(), m.body(), m.status().name(),
                            LocalDateTime.ofInstant(m.createdAt(), clock.getZone())));
                }
            }
        }
        mails.sort(Comparator.comparing(MailView::createdAt).reversed());
        return mails.size() > MAILS ? List.copyOf(mails.subList(0, MAILS)) : mails;
    }
}

package com.salescadence.cadence.accountplan.web;

import static com.salescadence.workflow.AccountPlanProcess.*;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.cadence.accountplan.AccountPlan;
import com.salescadence.cadence.accountplan.AccountPlanRevisions;
import com.salescadence.cadence.accountplan.AccountPlanService;
import com.salescadence.cadence.accountplan.PlanContent;
import com.salescadence.cadence.accountplan.PlanSheet;
import com.salescadence.cadence.accountplan.PlanYears;
import com.salescadence.cadence.accountplan.PlanVersion;
import com.salescadence.cadence.accountplan.TierMonitoring;
import com.salescadence.cadence.accountplan.web.AccountPlanApi.AccountPlans;
import com.salescadence.cadence.accountplan.web.AccountPlanApi.DirectionRequest;
import com.salescadence.cadence.accountplan.web.AccountPlanApi.Monitoring;
import com.salescadence.cadence.accountplan.web.AccountPlanApi.MonitoringRequest;
import com.salescadence.cadence.accountplan.web.AccountPlanApi.PlanRequest;
import com.salescadence.cadence.accountplan.web.AccountPlanApi.PlanReviewRequest;
import com.salescadence.cadence.accountplan.web.AccountPlanApi.PlanReviews;
import com.salescadence.cadence.accountplan.web.AccountPlanApi.PlanYearView;
import com.salescadence.cadence.accountplan.web.AccountPlanApi.VersionSummary;
import com.salescadence.cadence.accountplan.web.AccountPlanApi.YearRequest;
import com.salescadence.common.Inputs;
import com.salescadence.workflow.StartedProcess;
import jakarta.validation.Valid;
import com.salescadence.common.NotFoundException;
import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.workflow.TaskActions;
import com.salescadence.workflow.TaskReaders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

// Over 250 lines (issue 14 item 6): the plan revision's endpoints in one place, thin; the tier review's are in TierReviewController.
@RestController
@RequestMapping("/api/account-plans")
@Tag(name = "Account plans", description = "Key-account plans: yearly revision in four phases, versions, reviews")
class AccountPlanController {

    private final AccountPlanService plans;
    private final AccountPlanRevisions revisions;
    private final AccountService accounts;
    private final OrganizationService organization;
    private final TaskActions tasks;
    private final Clock clock;
    private final RuntimeService runtimeService;
    private final TaskReaders taskReaders;

    AccountPlanController(AccountPlanService plans, AccountPlanRevisions revisions, AccountService accounts,
                          OrganizationService organization, TaskActions tasks, Clock clock, RuntimeService runtimeService,
                          TaskReaders taskReaders) {
        this.taskReaders = taskReaders;
        this.runtimeService = runtimeService;
        this.plans = plans;
        this.revisions = revisions;
        this.accounts = accounts;
        this.organization = organization;
        this.tasks = tasks;
        this.clock = clock;
    }

    @GetMapping("/{accountId}")
    @Operation(summary = "The account's plans by year with their versions (newest year first)")
    AccountPlans plans(@PathVariable long accountId, Principal principal) {
        Account account = accounts.visibleTo(accountId, principal.getName());
        List<PlanYearView> years = new ArrayList<>();
        for (AccountPlan plan : plans.plansOf(accountId)) {
            years.add(new PlanYearView(plan, plans.versions(plan.id()).stream().map(VersionSummary::of).toList(),
                    plans.reviews(plan.id()), plan.approvedAt() == null ? null : monitoring(account, plan)));
        }
        return new AccountPlans(account, years, revisions.running(accountId).map(ProcessInstance::getBusinessKey).orElse(null));
    }

    @GetMapping("/{accountId}/versions/{versionNo}")
    @Operation(summary = "One version of the account's plan with every section (year: default the latest plan year)")
    PlanVersion version(@PathVariable long accountId, @PathVariable int versionNo, @RequestParam(required = false) Integer year,
                        Principal principal) {
        AccountPlan plan = plan(accountId, year, principal);
        return plans.version(plan.id(), versionNo)
                .orElseThrow(() -> new NotFoundException("No version " + versionNo + " of the " + plan.planYear() + " plan."));
    }

    @PostMapping("/{accountId}/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a revision of the account's plan now (the owner's manager or above, or an admin); optional year")
    StartedProcess startRevision(@PathVariable long accountId, @RequestBody(required = false) @Valid YearRequest body,
                                 Principal principal) {
        Account account = accounts.visibleTo(accountId, principal.getName());
        String caller = principal.getName();
        if (organization.person(caller).role() != Role.ADMIN && !organization.managersAbove(account.ownerId()).contains(caller)) {
            throw new AccessDeniedException("Only the owner's manager or an admin may start a plan revision.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        BigDecimal givenYear = body == null ? null : Inputs.amount(body.year(), "Year");
        int year = givenYear == null ? now.getYear() : givenYear.intValue();
        if (year < now.getYear() - 1 || year > now.getYear() + 1) {
            throw new ValidationException("Year must be between " + (now.getYear() - 1) + " and " + (now.getYear() + 1) + ", got " + year + ".");
        }
        ProcessInstance instance = revisions.start(accountId, year, Date.from(now.atZone(ZoneId.systemDefault()).toInstant()));
        return new StartedProcess(instance.getId(), instance.getBusinessKey());
    }

    @PostMapping("/cycles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Admin: start the yearly cycle now (as the January timer would): a revision per key account, a tier review per manager; optional year")
    StartedProcess startCycle(@RequestBody(required = false) @Valid YearRequest body, Principal principal) {
        if (organization.person(principal.getName()).role() != Role.ADMIN) {
            throw new AccessDeniedException("Only an admin may start the yearly account plan cycle.");
        }
        Map<String, Object> variables = new HashMap<>();
        BigDecimal year = body == null ? null : Inputs.amount(body.year(), "Year");
        if (year != null) {
            variables.put(PLAN_YEAR, year.intValue());
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(CYCLE_KEY_PROCESS, variables);
        return new StartedProcess(instance.getId());
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "The plan of an open 'Write the account plan' task as its form shows it: the account, the direction, the "
            + "last review, the latest version's sections and one row per forecast year. For the task's assignee or candidate and "
            + "the managers above them; 404 for no such open task, 403 for someone else's")
    @ApiResponse(responseCode = "403", description = "the task is not the caller's or their team's")
    @ApiResponse(responseCode = "404", description = "no open plan writing task of that id")
    PlanSheet planSheet(@PathVariable String taskId, Principal principal) {
        Task task = taskReaders.readable(taskId, TASK_DEVELOP_PLAN, principal.getName());
        return plans.sheet(((Number) runtimeService.getVariable(task.getExecutionId(), PLAN_ID)).longValue());
    }

    @PostMapping("/{accountId}/direction")
    @Operation(summary = "Senior manager: phase 1, set direction, team, timeline and weeks to develop (completes 'Set plan direction and team')")
    AccountPlan direction(@PathVariable long accountId, @RequestBody @Valid DirectionRequest body, Principal principal) {
        AccountPlan plan = plan(accountId, null, principal);
        Map<String, Object> fields = new HashMap<>();
        fields.put(F_DIRECTION, body.direction());
        fields.put(F_TEAM_MEMBERS, body.teamMembers());
        fields.put(F_TIMELINE, body.timeline());
        fields.put(F_DEVELOP_WEEKS, body.developWeeks());
        tasks.complete(businessKey(accountId), TASK_PREPARE_PLAN, principal.getName(), fields);
        return plans.plan(plan.id());
    }

    @PostMapping("/{accountId}/monitoring")
    @Operation(summary = "Phase 4: the manager's quarterly review or the owner's progress report (kind quarterly-review|progress-report; onTrack yes|no; notes)")
    PlanReviews monitoring(@PathVariable long accountId, @RequestBody @Valid MonitoringRequest body, Principal principal) {
        AccountPlan plan = plan(accountId, null, principal);
        String kind = Inputs.text(body.kind());
        String activity = "quarterly-review".equals(kind) ? TASK_QUARTERLY_PLAN_REVIEW
                : "progress-report".equals(kind) ? TASK_PLAN_PROGRESS_REPORT : null;
        if (activity == null) {
            throw new ValidationException("kind must be quarterly-review or progress-report, got '" + kind + "'.");
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put(F_ON_TRACK, body.onTrack());
        fields.put(F_REVIEW_NOTES, body.notes());
        tasks.complete(businessKey(accountId), activity, principal.getName(), fields);
        return new PlanReviews(plans.reviews(plan.id()));
    }

    @PostMapping("/{accountId}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Owner: submit the plan for review (completes 'Write the account plan'), or save a DRAFT version with draft=true")
    PlanVersion submit(@PathVariable long accountId, @RequestBody @Valid PlanRequest body, Principal principal) {
        AccountPlan plan = plan(accountId, null, principal);
        if (Boolean.TRUE.equals(body.draft())) {
            return plans.saveDraft(plan.id(), principal.getName(), content(body));
        }
        Map<String, Object> fields = new HashMap<>();
        // as the form posts them: transient, the process glue reads them and the engine never stores them
        Map<String, String> sections = new HashMap<>();
        sections.put(F_EXECUTIVE_SUMMARY, body.executiveSummary());
        sections.put(F_STRATEGIC_OPTIONS, body.strategicOptions());
        sections.put(F_BUSINESS_RISKS, body.businessRisks());
        sections.put(F_CUSTOMER_ANALYSIS, body.customerAnalysis());
        sections.put(F_GOALS_OBJECTIVES, body.goalsObjectives());
        sections.put(F_ACTIONS_RESOURCES, body.actionsResources());
        sections.put(F_APPENDIX, body.appendix());
        sections.forEach((field, text) -> fields.put(field, Variables.stringValue(Inputs.text(text), true)));
        fields.put(F_YEARS, Variables.stringValue(Spin.JSON(PlanYears.rows(forecast(body), plan.planYear())).toString(), true));
        tasks.complete(businessKey(accountId), TASK_DEVELOP_PLAN, principal.getName(), fields);
        return plans.latest(plan.id()).orElseThrow();
    }

    @PostMapping("/{accountId}/review")
    @Operation(summary = "Senior manager: approve the submitted version or send it back with a comment (decision approve|return)")
    PlanVersion review(@PathVariable long accountId, @RequestBody @Valid PlanReviewRequest body, Principal principal) {
        AccountPlan plan = plan(accountId, null, principal);
        Map<String, Object> fields = new HashMap<>();
        fields.put(F_REVIEW_DECISION, body.decision());
        fields.put(F_REVIEW_COMMENT, body.comment());
        tasks.complete(businessKey(accountId), TASK_REVIEW_PLAN, principal.getName(), fields);
        return plans.versions(plan.id()).stream().filter(v -> v.reviewedAt() != null).reduce((a, b) -> b).orElseThrow();
    }

    /** When the approved plan is reviewed, by the tier rule. */
    private static Monitoring monitoring(Account account, AccountPlan plan) {
        TierMonitoring rule = TierMonitoring.of(account.tier());
        java.time.LocalDate from = plan.approvedAt().toLocalDate();
        return new Monitoring(rule.frequency(), rule.individual(), rule.reviewDates(from, from.plusYears(1)),
                rule.progressReportDates(from, from.plusYears(1)));
    }

    private String businessKey(long accountId) {
        return revisions.running(accountId).map(ProcessInstance::getBusinessKey)
                .orElseThrow(() -> new NotFoundException("No revision of this account's plan is running."));
    }

    private AccountPlan plan(long accountId, Integer year, Principal principal) {
        accounts.visibleTo(accountId, principal.getName());
        List<AccountPlan> all = plans.plansOf(accountId);
        return all.stream().filter(p -> year == null || p.planYear() == year).findFirst()
                .orElseThrow(() -> new NotFoundException("No " + (year == null ? "" : year + " ") + "plan for account " + accountId + "."));
    }

    private static PlanContent content(PlanRequest body) {
        List<BigDecimal> forecast = new ArrayList<>();
        List<String> given = forecast(body);
        for (int i = 0; i < given.size(); i++) {
            forecast.add(Inputs.amount(given.get(i), "Forecast year " + (i + 1)));
        }
        return new PlanContent(Inputs.text(body.executiveSummary()), Inputs.text(body.strategicOptions()),
                Inputs.text(body.businessRisks()), Inputs.text(body.customerAnalysis()), Inputs.text(body.goalsObjectives()),
                Inputs.text(body.actionsResources()), forecast, Inputs.text(body.appendix()));
    }

    private static List<String> forecast(PlanRequest body) {
        List<String> list = body.forecast();
        if (list == null) {
            return List.of();
        }
        if (list.size() > PlanContent.FORECAST_YEARS) {
            throw new ValidationException("The financial forecast needs " + PlanContent.FORECAST_YEARS + " yearly amounts, got " + list.size() + ".");
        }
        return list;
    }

}

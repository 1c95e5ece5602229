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
import java.util.LinkedHashMap;
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
import com.salescadence.cadence.accountplan.TierReviewService;
import com.salescadence.common.Inputs;
import com.salescadence.common.NotFoundException;
import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.workflow.TaskActions;
import com.salescadence.workflow.TaskReaders;


import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

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
    private final TierReviewService tierReviews;
    private final TaskReaders taskReaders;

    AccountPlanController(AccountPlanService plans, AccountPlanRevisions revisions, AccountService accounts,
                          OrganizationService organization, TaskActions tasks, Clock clock, RuntimeService runtimeService,
                          TierReviewService tierReviews, TaskReaders taskReaders) {
        this.taskReaders = taskReaders;
        this.runtimeService = runtimeService;
        this.tierReviews = tierReviews;
        this.plans = plans;
        this.revisions = revisions;
        this.accounts = accounts;
        this.organization = organization;
        this.tasks = tasks;
        this.clock = clock;
    }

    @GetMapping("/{accountId}")
    @Operation(summary = "The account's plans by year with their versions (newest year first)")
    Map<String, Object> plans(@PathVariable long accountId, Principal principal) {
        Account account = accounts.visibleTo(accountId, principal.getName());
        List<Map<String, Object>> years = new ArrayList<>();
        for (AccountPlan plan : plans.plansOf(accountId)) {
            Map<String, Object> year = new LinkedHashMap<>();
            year.put("plan", plan);
            year.put("versions", plans.versions(plan.id()).stream().map(AccountPlanController::summary).toList());
            year.put("reviews", plans.reviews(plan.id()));
            if (plan.approvedAt() != null) {
                year.put("monitoring", monitoring(account, plan));
            }
            years.add(year);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", account);
        body.put("plans", years);
        revisions.running(accountId).ifPresent(i -> body.put("runningRevision", i.getBusinessKey()));
        return body;
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
    Map<String, Object> startRevision(@PathVariable long accountId, @RequestBody(required = false) Map<String, Object> body,
                                      Principal principal) {
        Account account = accounts.visibleTo(accountId, principal.getName());
        String caller = principal.getName();
        if (organization.person(caller).role() != Role.ADMIN && !organization.managersAbove(account.ownerId()).contains(caller)) {
            throw new AccessDeniedException("Only the owner's manager or an admin may start a plan revision.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        BigDecimal givenYear = body == null ? null : Inputs.amount(body.get("year"), "Year");
        int year = givenYear == null ? now.getYear() : givenYear.intValue();
        if (year < now.getYear() - 1 || year > now.getYear() + 1) {
            throw new ValidationException("Year must be between " + (now.getYear() - 1) + " and " + (now.getYear() + 1) + ", got " + year + ".");
        }
        ProcessInstance instance = revisions.start(accountId, year, Date.from(now.atZone(ZoneId.systemDefault()).toInstant()));
        return Map.of("processInstanceId", instance.getId(), "businessKey", instance.getBusinessKey());
    }

    @PostMapping("/cycles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Admin: start the yearly cycle now (as the January timer would): a revision per key account, a tier review per manager; optional year")
    Map<String, Object> startCycle(@RequestBody(required = false) Map<String, Object> body, Principal principal) {
        if (organization.person(principal.getName()).role() != Role.ADMIN) {
            throw new AccessDeniedException("Only an admin may start the yearly account plan cycle.");
        }
        Map<String, Object> variables = new HashMap<>();
        BigDecimal year = body == null ? null : Inputs.amount(body.get("year"), "Year");
        if (year != null) {
            variables.put(PLAN_YEAR, year.intValue());
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(CYCLE_KEY_PROCESS, variables);
        return Map.of("processInstanceId", instance.getId());
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

    @GetMapping("/tier-reviews/{year}")
    @Operation(summary = "Manager: the year's tier review (default: the caller's): the second-tier accounts to review one by one and the "
            + "other accounts reviewed together (the rows of the 'Yearly account review' form), and the reviews recorded; "
            + "403 for a manager the caller may not see")
    Map<String, Object> tierReview(@PathVariable int year, @RequestParam(required = false) String managerId, Principal principal) {
        String manager = managerId == null ? principal.getName() : managerId;
        if (!organization.canSee(principal.getName(), manager)) {
            throw new AccessDeniedException("No tier review of '" + manager + "' for " + principal.getName() + ".");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("managerId", manager);
        body.put("secondTier", tierReviews.rows(manager, AccountTier.SECOND));
        body.put("others", tierReviews.rows(manager, AccountTier.OTHER));
        body.put("reviews", tierReviews.reviews(year, manager));
        return body;
    }

    @PostMapping("/tier-reviews/{year}/check")
    @Operation(summary = "Manager: check a tier review without recording it (what the form shows at each account's row): 200 when it "
            + "would be accepted, else 400 with the problems and 'rows' {accountId: [problems]}")
    Map<String, Object> checkTierReview(@PathVariable int year, @RequestBody Map<String, Object> body, Principal principal) {
        tierReviews.check(principal.getName(), rows(body.get(SECOND_TIER_ROWS)), Inputs.text(body.get(F_COLLECTIVE_NOTES))).problems().orThrow();
        return Map.of("ok", true);
    }

    @PostMapping("/tier-reviews/{year}")
    @Operation(summary = "Manager: complete the yearly tier review (completes 'Yearly account review'): secondTierAccounts "
            + "[{accountId, notes}] for every second-tier account, collectiveNotes")
    Map<String, Object> completeTierReview(@PathVariable int year, @RequestBody Map<String, Object> body, Principal principal) {
        List<Map<String, Object>> rows = rows(body.get(SECOND_TIER_ROWS));
        Map<String, Object> fields = new HashMap<>();
        // as the form does: transient, the process glue reads them and the engine never stores them
        fields.put(SECOND_TIER_ROWS, Variables.stringValue(Spin.JSON(rows).toString(), true));
        fields.put(F_COLLECTIVE_NOTES, Variables.stringValue(Inputs.text(body.get(F_COLLECTIVE_NOTES)), true));
        tasks.complete(tierReviewKey(year, principal.getName()), TASK_ANNUAL_TIER_REVIEW, principal.getName(), fields);
        return Map.of("reviews", tierReviews.reviews(year, principal.getName()));
    }

    private static String tierReviewKey(int year, String managerId) {
        return "account-plans:" + year + ":" + managerId;
    }




    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
            throw new ValidationException("“secondTierAccounts”必须是 {accountId, notes} 的列表。 / secondTierAccounts must be a list of {accountId, notes}.");
        }
        return (List<Map<String, Object>>) value;
    }


    @PostMapping("/{accountId}/direction")
    @Operation(summary = "Senior manager: phase 1, set direction, team, timeline and weeks to develop (completes 'Set plan direction and team')")
    AccountPlan direction(@PathVariable long accountId, @RequestBody Map<String, Object> body, Principal principal) {
        AccountPlan plan = plan(accountId, null, principal);
        Map<String, Object> fields = new HashMap<>();
        for (String field : List.of(F_DIRECTION, F_TEAM_MEMBERS, F_TIMELINE, F_DEVELOP_WEEKS)) {
            fields.put(field, body.get(field));
        }
        tasks.complete(businessKey(accountId), TASK_PREPARE_PLAN, principal.getName(), fields);
        return plans.plan(plan.id());
    }

    @PostMapping("/{accountId}/monitoring")
    @Operation(summary = "Phase 4: the manager's quarterly review or the owner's progress report (kind quarterly-review|progress-report; onTrack yes|no; notes)")
    Map<String, Object> monitoring(@PathVariable long accountId, @RequestBody Map<String, Object> body, Principal principal) {
        AccountPlan plan = plan(accountId, null, principal);
        String kind = Inputs.text(body.get("kind"));
        String activity = "quarterly-review".equals(kind) ? TASK_QUARTERLY_PLAN_REVIEW
                : "progress-report".equals(kind) ? TASK_PLAN_PROGRESS_REPORT : null;
        if (activity == null) {
            throw new ValidationException("kind must be quarterly-review or progress-report, got '" + kind + "'.");
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put(F_ON_TRACK, body.get("onTrack"));
        fields.put(F_REVIEW_NOTES, body.get("notes"));
        tasks.complete(businessKey(accountId), activity, principal.getName(), fields);
        return Map.of("reviews", plans.reviews(plan.id()));
    }

    @PostMapping("/{accountId}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Owner: submit the plan for review (completes 'Write the account plan'), or save a DRAFT version with draft=true")
    PlanVersion submit(@PathVariable long accountId, @RequestBody Map<String, Object> body, Principal principal) {
        AccountPlan plan = plan(accountId, null, principal);
        if (Inputs.flag(body.get("draft"))) {
            return plans.saveDraft(plan.id(), principal.getName(), content(body));
        }
        Map<String, Object> fields = new HashMap<>();
        // as the form posts them: transient, the process glue reads them and the engine never stores them
        for (String field : List.of(F_EXECUTIVE_SUMMARY, F_STRATEGIC_OPTIONS, F_BUSINESS_RISKS, F_CUSTOMER_ANALYSIS,
                F_GOALS_OBJECTIVES, F_ACTIONS_RESOURCES, F_APPENDIX)) {
            fields.put(field, Variables.stringValue(Inputs.text(body.get(field)), true));
        }
        fields.put(F_YEARS, Variables.stringValue(Spin.JSON(PlanYears.rows(forecast(body), plan.planYear())).toString(), true));
        tasks.complete(businessKey(accountId), TASK_DEVELOP_PLAN, principal.getName(), fields);
        return plans.latest(plan.id()).orElseThrow();
    }

    @PostMapping("/{accountId}/review")
    @Operation(summary = "Senior manager: approve the submitted version or send it back with a comment (decision approve|return)")
    PlanVersion review(@PathVariable long accountId, @RequestBody Map<String, Object> body, Principal principal) {
        AccountPlan plan = plan(accountId, null, principal);
        Map<String, Object> fields = new HashMap<>();
        fields.put(F_REVIEW_DECISION, body.get("decision"));
        fields.put(F_REVIEW_COMMENT, body.get("comment"));
        tasks.complete(businessKey(accountId), TASK_REVIEW_PLAN, principal.getName(), fields);
        return plans.versions(plan.id()).stream().filter(v -> v.reviewedAt() != null).reduce((a, b) -> b).orElseThrow();
    }

    /** When the approved plan is reviewed, by the tier rule. */
    private static Map<String, Object> monitoring(Account account, AccountPlan plan) {
        TierMonitoring rule = TierMonitoring.of(account.tier());
        java.time.LocalDate from = plan.approvedAt().toLocalDate();
        Map<String, Object> monitoring = new LinkedHashMap<>();
        monitoring.put("frequency", rule.frequency());
        monitoring.put("individual", rule.individual());
        monitoring.put("reviewDates", rule.reviewDates(from, from.plusYears(1)));
        monitoring.put("progressReportDates", rule.progressReportDates(from, from.plusYears(1)));
        return monitoring;
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

    private static PlanContent content(Map<String, Object> body) {
        List<BigDecimal> forecast = new ArrayList<>();
        List<?> given = forecast(body);
        for (int i = 0; i < given.size(); i++) {
            forecast.add(Inputs.amount(given.get(i), "Forecast year " + (i + 1)));
        }
        return new PlanContent(Inputs.text(body.get(F_EXECUTIVE_SUMMARY)), Inputs.text(body.get(F_STRATEGIC_OPTIONS)),
                Inputs.text(body.get(F_BUSINESS_RISKS)), Inputs.text(body.get(F_CUSTOMER_ANALYSIS)),
                Inputs.text(body.get(F_GOALS_OBJECTIVES)), Inputs.text(body.get(F_ACTIONS_RESOURCES)), forecast,
                Inputs.text(body.get(F_APPENDIX)));
    }

    private static List<?> forecast(Map<String, Object> body) {
        Object value = body.get("forecast");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ValidationException("forecast must be a list of " + PlanContent.FORECAST_YEARS + " yearly amounts.");
        }
        if (list.size() > PlanContent.FORECAST_YEARS) {
            throw new ValidationException("The financial forecast needs " + PlanContent.FORECAST_YEARS + " yearly amounts, got " + list.size() + ".");
        }
        return list;
    }

    private static Map<String, Object> summary(PlanVersion v) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("versionNo", v.versionNo());
        row.put("status", v.status());
        row.put("authorId", v.authorId());
        row.put("createdAt", v.createdAt());
        if (v.reviewerId() != null) {
            row.put("reviewerId", v.reviewerId());
            row.put("reviewedAt", v.reviewedAt());
        }
        if (v.reviewerComment() != null) {
            row.put("reviewerComment", v.reviewerComment());
        }
        return row;
    }
}

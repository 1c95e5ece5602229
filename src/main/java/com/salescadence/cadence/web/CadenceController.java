package com.salescadence.cadence.web;

import static com.salescadence.workflow.WeeklyCommitProcess.*;

import java.security.Principal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.Spin;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CycleStartRequest;
import com.salescadence.cadence.web.CadenceApi.CommitForm;
import com.salescadence.cadence.web.CadenceApi.CommitRequest;
import com.salescadence.cadence.web.CadenceApi.CommitView;
import com.salescadence.cadence.web.CadenceApi.ComplianceRow;
import com.salescadence.cadence.web.CadenceApi.CycleCompliance;
import com.salescadence.cadence.web.CadenceApi.NextTimer;
import com.salescadence.cadence.web.CadenceApi.PersonCompliance;
import com.salescadence.cadence.web.CadenceApi.RollupRequest;
import com.salescadence.cadence.web.CadenceApi.RollupSubmitted;
import com.salescadence.cadence.web.CadenceApi.TimersFired;
import com.salescadence.common.PostedRows;
import com.salescadence.workflow.StartedProcess;
import jakarta.validation.Valid;
import com.salescadence.cadence.CommitItem;
import com.salescadence.cadence.CommitSheet;
import com.salescadence.workflow.TaskReaders;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.salescadence.cadence.CommitReport;
import com.salescadence.cadence.CycleStarter;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.RollupService;
import com.salescadence.cadence.RollupView;
import com.salescadence.cadence.Submission;
import com.salescadence.cadence.WeeklyCommitService;
import com.salescadence.cadence.process.CycleTimers;
import com.salescadence.common.NotFoundException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.workflow.TaskActions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/cadence")
@Tag(name = "Cadence", description = "The weekly commit, the Monday call and the roll-up; compliance per cycle")
class CadenceController {

    private final CycleService cycles;
    private final ComplianceService compliance;
    private final WeeklyCommitService commits;
    private final RollupService rollups;
    private final OrganizationService organization;
    private final TaskActions tasks;
    private final RuntimeService runtimeService;
    private final CycleTimers timers;
    private final CycleStarter starter;
    private final TaskReaders taskReaders;

    CadenceController(CycleService cycles, ComplianceService compliance, WeeklyCommitService commits, RollupService rollups,
                      OrganizationService organization, TaskActions tasks, RuntimeService runtimeService, CycleTimers timers, CycleStarter starter,
                      TaskReaders taskReaders) {
        this.taskReaders = taskReaders;
        this.starter = starter;
        this.timers = timers;
        this.cycles = cycles;
        this.compliance = compliance;
        this.commits = commits;
        this.rollups = rollups;
        this.organization = organization;
        this.tasks = tasks;
        this.runtimeService = runtimeService;
    }

    @GetMapping("/weekly-commit/cycles")
    @Operation(summary = "The latest weekly cycles")
    List<Cycle> weeklyCycles(@RequestParam(defaultValue = "13") int limit) {
        return cycles.recent(Cadence.WEEKLY_COMMIT, limit);
    }

    @PostMapping("/weekly-commit/start")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Admin: start this week's cycle now (as the Sunday timer would); optional cycleStart, ISO date-time")
    StartedProcess start(@RequestBody(required = false) @Valid CycleStartRequest body, Principal principal) {
        return starter.start(KEY, body, principal.getName());
    }

    @PostMapping("/cycles/{cycleId}/next-timer")
    @Operation(summary = "Admin: fire the cycle's next timers now (the reminder, the deadline, the commit call, the next roll-up day), to walk a week without waiting")
    TimersFired fireNextTimer(@PathVariable long cycleId, Principal principal) {
        requireRole(principal, Role.ADMIN);
        Cycle cycle = cycles.get(cycleId);
        Map<String, Integer> fired = timers.fireNext(cycle);
        if (fired.isEmpty()) {
            throw new NotFoundException("Cycle " + cycle.cycleKey() + " has no timer left to fire.");
        }
        List<NextTimer> next = timers.pending(cycle).stream().limit(1).map(job -> new NextTimer(
                LocalDateTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault()))).toList();
        return new TimersFired(cycle.cycleKey(), fired, next);
    }

    @GetMapping("/cycles/{cycleId}/compliance")
    @Operation(summary = "Who submitted on time, late or not at all, for the people the caller may see")
    CycleCompliance compliance(@PathVariable long cycleId,
                                   @RequestParam(required = false) @Parameter(description = "only this manager's team (everyone below them)") String team,
                                   Principal principal) {
        Cycle cycle = cycles.get(cycleId);
        java.util.Set<String> members = team == null ? null : organization.teamOf(team);
        List<ComplianceRow> rows = compliance.ofCycle(cycleId).stream()
                .filter(s -> organization.canSee(principal.getName(), s.personId()))
                .filter(s -> members == null || members.contains(s.personId()))
                .map(s -> row(s, null)).toList();
        return new CycleCompliance(cycleId, cycle.cycleKey(), counts(rows), rows);
    }

    @GetMapping("/compliance/people/{personId}")
    @Operation(summary = "A person's record in a cadence: each cycle's report, on time, late or missed, latest first")
    PersonCompliance personCompliance(@PathVariable String personId,
                                         @RequestParam(defaultValue = "WEEKLY_COMMIT") Cadence cadence,
                                         @RequestParam(defaultValue = "13") int limit, Principal principal) {
        if (!organization.canSee(principal.getName(), personId)) {
            throw new NotFoundException("No record of '" + personId + "' for you.");
        }
        List<ComplianceRow> rows = compliance.history(personId, cadence, limit).stream()
                .map(s -> row(s, cycles.get(s.cycleId()).cycleKey())).toList();
        return new PersonCompliance(personId, cadence, counts(rows), rows);
    }

    @GetMapping("/cycles/{cycleId}/rollup")
    @Operation(summary = "A manager's commit call / roll-up figures (default: the caller's)")
    RollupView rollup(@PathVariable long cycleId, @RequestParam(required = false) String managerId, Principal principal) {
        String manager = managerId == null ? principal.getName() : managerId;
        if (!organization.canSee(principal.getName(), manager)) {
            throw new NotFoundException("No roll-up of '" + manager + "' for you.");
        }
        return rollups.view(cycleId, manager);
    }

    @GetMapping("/cycles/{cycleId}/commits/{personId}")
    @Operation(summary = "A rep's frozen weekly commit with its items")
    CommitView commit(@PathVariable long cycleId, @PathVariable String personId, Principal principal) {
        if (!organization.canSee(principal.getName(), personId)) {
            throw new NotFoundException("No commit of '" + personId + "' for you.");
        }
        CommitReport report = commits.report(cycleId, personId)
                .orElseThrow(() -> new NotFoundException("'" + personId + "' has not submitted a commit in cycle " + cycleId + "."));
        List<CommitItem> items = commits.items(report.id());
        return new CommitView(report, items);
    }

    @GetMapping("/cycles/{cycleId}/commit-form")
    @Operation(summary = "Rep: the weekly commit as the form shows it, prefilled from the caller's pipeline")
    CommitForm commitForm(@PathVariable long cycleId, Principal principal) {
        Cycle cycle = cycles.get(cycleId);
        String rep = principal.getName();
        return new CommitForm(cycle.cycleKey(), commits.brief(rep, cycle), commits.lastWeekActual(rep, cycle),
                commits.prefill(rep, cycle));
    }

    @GetMapping("/weekly-commit/tasks/{taskId}")
    @Operation(summary = "The weekly commit grid of an open 'Submit weekly commit' task: the week, one row per open deal of the task's rep "
            + "(prefilled category, amount, close date), quota, stretch, booked this quarter, last week's commit and actual. "
            + "For the task's assignee or candidate and the managers above them; 404 for no such open task, 403 for someone else's")
    @ApiResponse(responseCode = "403", description = "the task is not the caller's or their team's")
    @ApiResponse(responseCode = "404", description = "no open weekly commit task of that id")
    CommitSheet commitSheet(@PathVariable String taskId, Principal principal) {
        Task task = taskReaders.readable(taskId, TASK_SUBMIT_WEEKLY_COMMIT, principal.getName());
        String rep = (String) runtimeService.getVariable(task.getExecutionId(), REP_ID);
        Cycle cycle = cycles.get(((Number) runtimeService.getVariable(task.getExecutionId(), CYCLE_ID)).longValue());
        return commits.sheet(rep, cycle);
    }

    @PostMapping("/cycles/{cycleId}/commit")
    @Operation(summary = "Rep: submit the weekly commit (completes 'Submit weekly commit'); items: opportunityId, amount (empty: the whole deal), "
            + "category commit|upside|pipeline|omit (none: left out), optional closeDate (changes the deal), five reliability checks (kept for commit rows only)")
    CommitView submitCommit(@PathVariable long cycleId, @RequestBody @Valid CommitRequest body, Principal principal) {
        Cycle cycle = cycles.get(cycleId);
        Map<String, Object> fields = new HashMap<>();
        // the decisions as transient variables: the recording delegate reads them, the instance never stores them
        fields.put(F_COMMIT_ITEMS, Variables.objectValue(PostedRows.of(body.items()), true).create());
        if (body.projectTracking() != null) {
            fields.put(F_PROJECT_TRACKING, Variables.objectValue(body.projectTracking(), true).create());
        }
        tasks.complete(cycle.cycleKey() + ":" + principal.getName(), TASK_SUBMIT_WEEKLY_COMMIT, principal.getName(), fields);
        return commit(cycleId, principal.getName(), principal);
    }

    @PostMapping("/cycles/{cycleId}/rollup")
    @Operation(summary = "Manager: submit the commit call / roll-up (completes the task); optional notes and adjustments: "
            + "[{personId, commit, upside, reason}], one per adjusted direct report, each with a reason; one refused refuses all")
    RollupSubmitted submitRollup(@PathVariable long cycleId, @RequestBody @Valid RollupRequest body, Principal principal) {
        Cycle cycle = cycles.get(cycleId);
        String activity = organization.levelOf(principal.getName()) == 1 ? TASK_RUN_COMMIT_CALL : TASK_REVIEW_ROLLUP;
        Map<String, Object> fields = new HashMap<>();
        fields.put(F_ADJUSTMENTS, Spin.JSON(PostedRows.of(body.adjustments())));
        if (body.notes() != null) {
            fields.put(F_CALL_NOTES, body.notes());
        }
        tasks.complete(cycle.cycleKey() + ":" + principal.getName(), activity, principal.getName(), fields);
        return new RollupSubmitted(rollups.report(cycleId, principal.getName()).orElseThrow());
    }

    private ComplianceRow row(Submission s, String cycleKey) {
        return new ComplianceRow(s.personId(), organization.findPerson(s.personId()).map(Person::fullName).orElse(s.personId()),
                s.reportType(), s.status().name(), s.dueAt(), s.submittedAt(), cycleKey);
    }

    private static Map<String, Long> counts(List<ComplianceRow> rows) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        rows.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    private void requireRole(Principal principal, Role role) {
        if (organization.person(principal.getName()).role() != role) {
            throw new org.springframework.security.access.AccessDeniedException("Only " + role.name().toLowerCase() + " may do this.");
        }
    }
}

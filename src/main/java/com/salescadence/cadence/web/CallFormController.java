package com.salescadence.cadence.web;

import static com.salescadence.workflow.WeeklyCommitProcess.*;

import java.security.Principal;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.web.CadenceApi.CallCheckRequest;
import com.salescadence.cadence.web.CadenceApi.CallLimits;
import com.salescadence.cadence.web.CadenceApi.CallLines;
import com.salescadence.common.Checked;
import com.salescadence.common.PostedRows;
import jakarta.validation.Valid;
import com.salescadence.cadence.RepReliabilityService;
import com.salescadence.cadence.RollupService;
import com.salescadence.cadence.RollupView;
import com.salescadence.common.Checks;
import com.salescadence.common.Inputs;
import com.salescadence.common.NotFoundException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What the forms run-commit-call.html and review-rollup.html show when they open: the lines of the task's call
 * (one per direct report, any number), read from the tables, not from the task. The task keeps ids only.
 */
@RestController
@RequestMapping("/api/cadence/call-tasks")
@Tag(name = "Cadence")
class CallFormController {

    private final TaskService taskService;
    private final RollupService rollups;
    private final CycleService cycles;
    private final OrganizationService organization;
    private final RepReliabilityService reliability;

    CallFormController(TaskService taskService, RollupService rollups, CycleService cycles, OrganizationService organization,
                       RepReliabilityService reliability) {
        this.taskService = taskService;
        this.reliability = reliability;
        this.rollups = rollups;
        this.cycles = cycles;
        this.organization = organization;
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "The open commit call or roll-up review task's lines, totals and the limits of an adjustment, with each "
            + "rep's reliability and the commit it suggests (never applied); "
            + "for the call's manager, the managers above them and administrators (403 for anyone else)")
    CallLines lines(@PathVariable String taskId, Principal principal) {
        long cycleId = cycleOf(taskId);
        String managerId = managerOf(taskId, principal);
        RollupView view = rollups.view(cycleId, managerId);
        Cycle cycle = cycles.get(cycleId);
        return new CallLines(taskId, cycleId, cycle.cycleKey(), cycle.periodStart(), managerId,
                organization.findPerson(managerId).map(Person::fullName).orElse(managerId), view.level(),
                rollups.report(cycleId, managerId).isPresent(), view.rows(), view.totalCommit(), view.totalUpside(),
                view.smallDealsInProgress(), view.keyDeals(),
                new CallLimits(Checks.MAX_AMOUNT, 2, RollupService.REASON_MAX_LENGTH),
                reliability.forCall(cycle.periodStart(), organization.directReports(managerId).stream()
                        .filter(p -> p.role() == Role.REP).map(Person::id).toList()));
    }

    @PostMapping("/{taskId}/check")
    @Operation(summary = "Check the call's decisions without storing anything (what the grid shows at each row after a refused "
            + "Complete): adjustments [{personId, commit, upside, reason}], callNotes; 200 when Complete would accept them, "
            + "else 400 with the problems and 'rows' {personId: [problems]}")
    Checked check(@PathVariable String taskId, @RequestBody @Valid CallCheckRequest body, Principal principal) {
        long cycleId = cycleOf(taskId);
        String managerId = managerOf(taskId, principal);
        rollups.check(cycleId, managerId, RollupService.parseAdjustments(PostedRows.of(body.adjustments())),
                Inputs.text(body.callNotes())).orThrow();
        return Checked.OK;
    }

    private long cycleOf(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId)
                .taskDefinitionKeyIn(TASK_RUN_COMMIT_CALL, TASK_REVIEW_ROLLUP).singleResult();
        if (task == null) {
            throw new NotFoundException("No open commit call or roll-up review with the id '" + taskId + "'.");
        }
        return ((Number) taskService.getVariable(taskId, CYCLE_ID)).longValue();
    }

    /** The call's manager, if the caller may see the call (403 otherwise). */
    private String managerOf(String taskId, Principal principal) {
        String managerId = (String) taskService.getVariable(taskId, MANAGER_ID);
        if (!managerOrAbove(principal.getName(), managerId)) {
            throw new AccessDeniedException("Only the call's manager and those above them may see its lines.");
        }
        return managerId;
    }

    /** The call's manager, a manager whose team they are in, or an administrator. */
    private boolean managerOrAbove(String viewerId, String managerId) {
        if (viewerId.equals(managerId)) {
            return true;
        }
        Role role = organization.person(viewerId).role();
        return role == Role.ADMIN || role == Role.MANAGER && organization.teamOf(viewerId).contains(managerId);
    }
}

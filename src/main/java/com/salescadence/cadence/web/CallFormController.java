package com.salescadence.cadence.web;

import static com.salescadence.workflow.WeeklyCommitProcess.*;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.RollupService;
import com.salescadence.cadence.RollupView;
import com.salescadence.common.Checks;
import com.salescadence.common.Inputs;
import com.salescadence.common.ValidationException;
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

    CallFormController(TaskService taskService, RollupService rollups, CycleService cycles, OrganizationService organization) {
        this.taskService = taskService;
        this.rollups = rollups;
        this.cycles = cycles;
        this.organization = organization;
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "The open commit call or roll-up review task's lines, totals and the limits of an adjustment; "
            + "for the call's manager, the managers above them and administrators (403 for anyone else)")
    Map<String, Object> lines(@PathVariable String taskId, Principal principal) {
        long cycleId = cycleOf(taskId);
        String managerId = managerOf(taskId, principal);
        RollupView view = rollups.view(cycleId, managerId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", taskId);
        body.put("cycleId", cycleId);
        body.put("cycleKey", cycles.get(cycleId).cycleKey());
        body.put("weekStart", cycles.get(cycleId).periodStart());
        body.put("managerId", managerId);
        body.put("manager", organization.findPerson(managerId).map(Person::fullName).orElse(managerId));
        body.put("level", view.level());
        body.put("submitted", rollups.report(cycleId, managerId).isPresent());
        body.put("rows", view.rows());
        body.put("totalCommit", view.totalCommit());
        body.put("totalUpside", view.totalUpside());
        body.put("smallDealsInProgress", view.smallDealsInProgress());
        body.put("keyDeals", view.keyDeals());
        body.put("limits", Map.of("maxAmount", Checks.MAX_AMOUNT, "decimals", 2, "reasonMaxLength", RollupService.REASON_MAX_LENGTH));
        return body;
    }

    @PostMapping("/{taskId}/check")
    @Operation(summary = "Check the call's decisions without storing anything (what the grid shows at each row after a refused "
            + "Complete): adjustments [{personId, commit, upside, reason}], callNotes; 200 when Complete would accept them, "
            + "else 400 with the problems and 'rows' {personId: [problems]}")
    Map<String, Object> check(@PathVariable String taskId, @RequestBody Map<String, Object> body, Principal principal) {
        long cycleId = cycleOf(taskId);
        String managerId = managerOf(taskId, principal);
        Object rows = body == null ? null : body.get(F_ADJUSTMENTS);
        if (rows != null && !(rows instanceof List<?>)) {
            throw new ValidationException("调整必须是一个列表。 / The adjustments must be a list.");
        }
        List<Map<String, Object>> adjustments = new ArrayList<>();
        for (Object row : rows == null ? List.of() : (List<?>) rows) {
            if (!(row instanceof Map<?, ?> map)) {
                throw new ValidationException("每项调整必须是一个对象。 / Each adjustment must be an object.");
            }
            Map<String, Object> line = new LinkedHashMap<>();
            map.forEach((k, v) -> line.put(String.valueOf(k), v));
            adjustments.add(line);
        }
        rollups.check(cycleId, managerId, RollupService.parseAdjustments(adjustments),
                Inputs.text(body == null ? null : body.get(F_CALL_NOTES))).orThrow();
        return Map.of("ok", true);
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

package com.salescadence.cadence.quarterly;

import static com.salescadence.workflow.QuarterlyReviewProcess.*;

import java.security.Principal;
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

import com.salescadence.cadence.CycleStarter;
import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.common.NotFoundException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.workflow.TaskActions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The quarterly business review through the API: every action completes the caller's own task, as the Tasklist does. */
@RestController
@RequestMapping("/api/cadence/quarterly-review")
@Tag(name = "Quarterly review", description = "Each rep's quarterly review and each first-line manager's team review with next-quarter targets")
class QuarterlyReviewController {

    private final CycleService cycles;
    private final QuarterlyReviewService reviews;
    private final OrganizationService organization;
    private final TaskActions tasks;
    private final RuntimeService runtimeService;
    private final CycleStarter starter;

    QuarterlyReviewController(CycleService cycles, QuarterlyReviewService reviews, OrganizationService organization, TaskActions tasks,
                              RuntimeService runtimeService, CycleStarter starter) {
        this.starter = starter;
        this.cycles = cycles;
        this.reviews = reviews;
        this.organization = organization;
        this.tasks = tasks;
        this.runtimeService = runtimeService;
    }

    @GetMapping("/cycles")
    @Operation(summary = "The latest quarterly cycles; a cycle's key is the quarter under review")
    List<Cycle> recent(@RequestParam(defaultValue = "8") int limit) {
        return cycles.recent(Cadence.QUARTERLY_REVIEW, limit);
    }

    @PostMapping("/start")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Admin: start the quarterly review now (as the week-2 timer would); optional cycleStart, ISO date-time")
    Map<String, Object> start(@RequestBody(required = false) Map<String, String> body, Principal principal) {
        return starter.start(KEY, body, principal.getName());
    }

    @GetMapping("/cycles/{cycleId}/reviews/{personId}")
    @Operation(summary = "A rep's quarterly review as submitted, with its frozen figures")
    QuarterlyReview review(@PathVariable long cycleId, @PathVariable String personId, Principal principal) {
        if (!organization.canSee(principal.getName(), personId)) {
            throw new NotFoundException("No quarterly review of '" + personId + "' for you.");
        }
        return reviews.review(cycleId, personId)
                .orElseThrow(() -> new NotFoundException("'" + personId + "' has not submitted a quarterly review in cycle " + cycleId + "."));
    }

    @PostMapping("/cycles/{cycleId}/review")
    @Operation(summary = "Rep: submit the quarterly review (completes 'Prepare quarterly review'): nextQuarterPlan (required), proposedTarget")
    QuarterlyReview submitReview(@PathVariable long cycleId, @RequestBody Map<String, Object> body, Principal principal) {
        Cycle cycle = cycles.get(cycleId);
        Map<String, Object> fields = new HashMap<>();
        fields.put(F_NEXT_QUARTER_PLAN, body.get("nextQuarterPlan"));
        fields.put(F_PROPOSED_TARGET, body.get("proposedTarget"));
        tasks.complete(cycle.cycleKey() + ":" + principal.getName(), TASK_PREPARE_QUARTERLY_REVIEW, principal.getName(), fields);
        return review(cycleId, principal.getName(), principal);
    }

    @GetMapping("/cycles/{cycleId}/team")
    @Operation(summary = "A first-line manager's team in the review (default: the caller's): figures, growth flags, plans, proposed targets")
    Map<String, Object> team(@PathVariable long cycleId, @RequestParam(required = false) String managerId, Principal principal) {
        String manager = managerId == null ? principal.getName() : managerId;
        if (!organization.canSee(principal.getName(), manager)) {
            throw new NotFoundException("No team review of '" + manager + "' for you.");
        }
        List<TeamMemberReview> view = reviews.teamView(cycleId, manager);
        Map<String, Object> result = new HashMap<>();
        result.put("brief", reviews.teamBrief(cycles.get(cycleId), view));
        result.put("expectedGrowthPercent", reviews.expectedGrowth());
        result.put("reps", view);
        reviews.managerReview(cycleId, manager).ifPresent(r -> {
            result.put("review", r);
            result.put("targets", reviews.targets(r.id()));
        });
        return result;
    }

    @PostMapping("/cycles/{cycleId}/team-review")
    @Operation(summary = "Manager: record the team review (completes 'Run quarterly review'): targets [{personId, target, outcome}] for every rep, notes")
    Map<String, Object> submitTeamReview(@PathVariable long cycleId, @RequestBody Map<String, Object> body, Principal principal) {
        Cycle cycle = cycles.get(cycleId);
        Map<String, Object> fields = new HashMap<>();
        fields.put(F_TARGETS, Spin.JSON(body.getOrDefault("targets", List.of())));
        fields.put(F_REVIEW_NOTES, body.get("notes"));
        tasks.complete(cycle.cycleKey() + ":" + principal.getName(), TASK_RUN_QUARTERLY_REVIEW, principal.getName(), fields);
        return team(cycleId, null, principal);
    }
}

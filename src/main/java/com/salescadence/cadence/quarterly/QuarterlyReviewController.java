package com.salescadence.cadence.quarterly;

import static com.salescadence.workflow.QuarterlyReviewProcess.*;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.cadence.CycleStartRequest;
import com.salescadence.cadence.CycleStarter;
import com.salescadence.cadence.quarterly.QuarterlyApi.QuarterlyReviewRequest;
import com.salescadence.cadence.quarterly.QuarterlyApi.TeamReviewPage;
import com.salescadence.cadence.quarterly.QuarterlyApi.TeamReviewRequest;
import com.salescadence.common.Checked;
import com.salescadence.common.PostedRows;
import com.salescadence.workflow.StartedProcess;
import jakarta.validation.Valid;
import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.Quarters;
import com.salescadence.common.Inputs;
import com.salescadence.common.NotFoundException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.workflow.TaskActions;
import com.salescadence.workflow.TaskReaders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    private final TaskReaders taskReaders;

    QuarterlyReviewController(CycleService cycles, QuarterlyReviewService reviews, OrganizationService organization, TaskActions tasks,
                              RuntimeService runtimeService, CycleStarter starter, TaskReaders taskReaders) {
        this.taskReaders = taskReaders;
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
    StartedProcess start(@RequestBody(required = false) @Valid CycleStartRequest body, Principal principal) {
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

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "What an open 'Prepare quarterly review' task shows: the rep's booked sales of the quarter under review vs "
            + "quota and stretch, growth over the quarter before vs the expected growth, flag codes, the next quarter's quota, the key "
            + "accounts the rep owns. For the task's rep and the managers above them; 404 for no such open task, 403 for someone else's")
    @ApiResponse(responseCode = "403", description = "the task is not the caller's or their team's")
    @ApiResponse(responseCode = "404", description = "no open 'Prepare quarterly review' task of that id")
    PreparationSheet preparation(@PathVariable String taskId, Principal principal) {
        Map<String, Object> task = taskReaders.variables(taskId, TASK_PREPARE_QUARTERLY_REVIEW, principal.getName(), REP_ID, CYCLE_ID);
        return reviews.preparationSheet((String) task.get(REP_ID), cycles.get(((Number) task.get(CYCLE_ID)).longValue()));
    }

    @PostMapping("/cycles/{cycleId}/review")
    @Operation(summary = "Rep: submit the quarterly review (completes 'Prepare quarterly review'): nextQuarterPlan (required), proposedTarget")
    QuarterlyReview submitReview(@PathVariable long cycleId, @RequestBody @Valid QuarterlyReviewRequest body, Principal principal) {
        Cycle cycle = cycles.get(cycleId);
        Map<String, Object> fields = new HashMap<>();
        // as the form posts them: transient, the recording delegate reads them and the instance never stores them
        fields.put(F_NEXT_QUARTER_PLAN, Variables.stringValue(Inputs.text(body.nextQuarterPlan()), true));
        fields.put(F_PROPOSED_TARGET, Variables.untypedValue(body.proposedTarget(), true));
        tasks.complete(cycle.cycleKey() + ":" + principal.getName(), TASK_PREPARE_QUARTERLY_REVIEW, principal.getName(), fields);
        return review(cycleId, principal.getName(), principal);
    }

    @GetMapping("/cycles/{cycleId}/team")
    @Operation(summary = "A first-line manager's team in the review (default: the caller's): one row per rep with figures, flag codes, "
            + "plan, proposed and prefilled target (the rows of the 'Run quarterly review' form); 403 for a team the caller may not see")
    TeamReviewPage team(@PathVariable long cycleId, @RequestParam(required = false) String managerId, Principal principal) {
        String manager = managerId == null ? principal.getName() : managerId;
        if (!organization.canSee(principal.getName(), manager)) {
            throw new AccessDeniedException("No team review of '" + manager + "' for " + principal.getName() + ".");
        }
        Cycle cycle = cycles.get(cycleId);
        List<TeamMemberReview> view = reviews.teamView(cycleId, manager);
        ManagerReview review = reviews.managerReview(cycleId, manager).orElse(null);
        return new TeamReviewPage(cycle.cycleKey(), Quarters.next(cycle.cycleKey()), manager, reviews.teamBrief(cycle, view),
                reviews.expectedGrowth(), view, reviews.teamRows(cycle, view), review,
                review == null ? null : reviews.targets(review.id()));
    }

    @PostMapping("/cycles/{cycleId}/team-review/check")
    @Operation(summary = "Manager: check a team review without recording it (what the form shows at each rep's row): "
            + "200 when it would be accepted, else 400 with the problems and 'rows' {personId: [problems]}")
    Checked checkTeamReview(@PathVariable long cycleId, @RequestBody @Valid TeamReviewRequest body, Principal principal) {
        cycles.get(cycleId);
        TeamReviewChecks.Result checked = reviews.checkManagerReview(principal.getName(), PostedRows.of(body.targets()),
                Inputs.text(body.notes()));
        checked.problems().orThrow();
        return Checked.OK;
    }

    @PostMapping("/cycles/{cycleId}/team-review")
    @Operation(summary = "Manager: record the team review (completes 'Run quarterly review'): targets [{personId, target, outcome}] for every rep, notes")
    TeamReviewPage submitTeamReview(@PathVariable long cycleId, @RequestBody @Valid TeamReviewRequest body, Principal principal) {
        Cycle cycle = cycles.get(cycleId);
        Map<String, Object> fields = new HashMap<>();
        // as the form does: transient, the process glue reads them and the engine never stores them
        fields.put(F_TARGETS, Variables.stringValue(Spin.JSON(PostedRows.of(body.targets())).toString(), true));
        fields.put(F_REVIEW_NOTES, Variables.stringValue(Inputs.text(body.notes()), true));
        tasks.complete(cycle.cycleKey() + ":" + principal.getName(), TASK_RUN_QUARTERLY_REVIEW, principal.getName(), fields);
        return team(cycleId, null, principal);
    }

}

package com.salescadence.cadence.forecast.web;

import static com.salescadence.workflow.MonthlyForecastProcess.*;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
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
import com.salescadence.cadence.forecast.web.ForecastApi.ForecastRequest;
import com.salescadence.cadence.forecast.web.ForecastApi.ForecastReviewPage;
import com.salescadence.cadence.forecast.web.ForecastApi.ForecastReviewRecorded;
import com.salescadence.cadence.forecast.web.ForecastApi.ForecastReviewRequest;
import com.salescadence.cadence.forecast.web.ForecastApi.ForecastView;
import com.salescadence.common.PostedRows;
import com.salescadence.workflow.StartedProcess;
import jakarta.validation.Valid;
import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.forecast.ForecastReport;
import com.salescadence.cadence.forecast.ForecastReviewService;
import com.salescadence.cadence.forecast.ForecastReviewSheet;
import com.salescadence.cadence.forecast.ForecastSheet;
import com.salescadence.cadence.forecast.ForecastReviewView;
import com.salescadence.cadence.forecast.MonthlyForecastService;
import com.salescadence.common.Inputs;
import com.salescadence.common.NotFoundException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.workflow.TaskActions;
import com.salescadence.workflow.TaskReaders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The monthly forecast through the API: the same tasks the Tasklist shows, completed the same way. */
@RestController
@RequestMapping("/api/cadence/monthly-forecast")
@Tag(name = "Monthly forecast", description = "The 12-month forecast each month, its action plan, and the manager's review")
class MonthlyForecastController {

    private final CycleService cycles;
    private final MonthlyForecastService forecasts;
    private final ForecastReviewService reviews;
    private final OrganizationService organization;
    private final TaskActions tasks;
    private final CycleStarter starter;
    private final TaskReaders taskReaders;

    MonthlyForecastController(CycleService cycles, MonthlyForecastService forecasts, ForecastReviewService reviews,
                              OrganizationService organization, TaskActions tasks, CycleStarter starter,
                              TaskReaders taskReaders) {
        this.taskReaders = taskReaders;
        this.starter = starter;
        this.cycles = cycles;
        this.forecasts = forecasts;
        this.reviews = reviews;
        this.organization = organization;
        this.tasks = tasks;
    }

    @GetMapping("/cycles")
    @Operation(summary = "The latest monthly cycles (compliance per cycle: GET /api/cadence/cycles/{cycleId}/compliance)")
    List<Cycle> monthlyCycles(@RequestParam(defaultValue = "12") int limit) {
        return cycles.recent(Cadence.MONTHLY_FORECAST, limit);
    }

    @PostMapping("/start")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Admin: start this month's cycle now (as the timer would); optional cycleStart, ISO date-time")
    StartedProcess start(@RequestBody(required = false) @Valid CycleStartRequest body, Principal principal) {
        return starter.start(KEY, body, principal.getName());
    }

    @GetMapping("/cycles/{cycleId}/forecasts/{personId}")
    @Operation(summary = "A rep's frozen 12-month forecast with its months and action plan")
    ForecastView forecast(@PathVariable long cycleId, @PathVariable String personId, Principal principal) {
        if (!organization.canSee(principal.getName(), personId)) {
            throw new NotFoundException("No forecast of '" + personId + "' for you.");
        }
        ForecastReport report = forecasts.report(cycleId, personId)
                .orElseThrow(() -> new NotFoundException("'" + personId + "' has not submitted a forecast in cycle " + cycleId + "."));
        return new ForecastView(report, forecasts.months(report.id()));
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "The forecast grid of an open 'Submit 12-month forecast' task: one row per month (2027-01) with the open "
            + "pipeline closing in it, raw and weighted by stage win rate (the amount prefilled), last month's forecast of it; the "
            + "totals and last month's forecast and action plan. For the task's assignee or candidate and the managers above them; "
            + "404 for no such open task, 403 for someone else's")
    @ApiResponse(responseCode = "403", description = "the task is not the caller's or their team's")
    @ApiResponse(responseCode = "404", description = "no open forecast task of that id")
    ForecastSheet sheet(@PathVariable String taskId, Principal principal) {
        Map<String, Object> task = taskReaders.variables(taskId, TASK_SUBMIT_MONTHLY_FORECAST, principal.getName(), REP_ID, CYCLE_ID);
        return forecasts.sheet((String) task.get(REP_ID), cycles.get(((Number) task.get(CYCLE_ID)).longValue()));
    }

    @GetMapping("/review-tasks/{taskId}")
    @Operation(summary = "The forecast review of an open 'Forecast review' task: one row per rep of the manager's team and the team's "
            + "row, figures as numbers, ratios in percent, statuses, growth grades and flags as codes; the thresholds; who is missing. "
            + "For the task's manager and the managers above them; 404 for no such open task, 403 for someone else's")
    @ApiResponse(responseCode = "403", description = "the task is not the caller's or their team's")
    @ApiResponse(responseCode = "404", description = "no open forecast review task of that id")
    ForecastReviewSheet reviewSheet(@PathVariable String taskId, Principal principal) {
        Map<String, Object> task = taskReaders.variables(taskId, TASK_REVIEW_MONTHLY_FORECAST, principal.getName(), MANAGER_ID, CYCLE_ID);
        return reviews.sheet(((Number) task.get(CYCLE_ID)).longValue(), (String) task.get(MANAGER_ID));
    }

    @PostMapping("/cycles/{cycleId}/forecast")
    @Operation(summary = "Rep: submit the 12-month forecast (completes 'Submit 12-month forecast'); months: [{month: 2026-12, amount}], actionPlan")
    ForecastView submit(@PathVariable long cycleId, @RequestBody @Valid ForecastRequest body, Principal principal) {
        Cycle cycle = cycles.get(cycleId);
        Map<String, Object> fields = new HashMap<>();
        // the decisions as transient variables, as the grid posts them: the recording delegate reads them, the instance never stores them
        fields.put(F_MONTHS, Variables.objectValue(PostedRows.of(body.months()), true).create());
        fields.put(F_ACTION_PLAN, Variables.stringValue(Inputs.text(body.actionPlan()), true));
        tasks.complete(cycle.cycleKey() + ":" + principal.getName(), TASK_SUBMIT_MONTHLY_FORECAST, principal.getName(), fields);
        return forecast(cycleId, principal.getName(), principal);
    }

    @GetMapping("/cycles/{cycleId}/review")
    @Operation(summary = "A first-line manager's forecast review (default: the caller's): the figures, the checks as shown, the summary")
    ForecastReviewPage review(@PathVariable long cycleId, @RequestParam(required = false) String managerId, Principal principal) {
        String manager = managerId == null ? principal.getName() : managerId;
        if (!organization.canSee(principal.getName(), manager)) {
            throw new NotFoundException("No forecast review of '" + manager + "' for you.");
        }
        ForecastReviewView view = reviews.view(cycleId, manager);
        return new ForecastReviewPage(view, reviews.tableRows(view), reviews.brief(view));
    }

    @PostMapping("/cycles/{cycleId}/review")
    @Operation(summary = "Manager: record the forecast review (completes 'Forecast review'); notes required")
    ForecastReviewRecorded submitReview(@PathVariable long cycleId, @RequestBody @Valid ForecastReviewRequest body, Principal principal) {
        Cycle cycle = cycles.get(cycleId);
        Map<String, Object> fields = new HashMap<>();
        // as the form posts it: transient, the recording delegate reads it and the instance never stores it
        fields.put(F_REVIEW_NOTES, Variables.stringValue(Inputs.text(body.notes()), true));
        tasks.complete(cycle.cycleKey() + ":" + principal.getName(), TASK_REVIEW_MONTHLY_FORECAST, principal.getName(), fields);
        return new ForecastReviewRecorded(reviews.review(cycleId, principal.getName()).orElseThrow());
    }
}

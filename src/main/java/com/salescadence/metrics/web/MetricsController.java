package com.salescadence.metrics.web;

import java.security.Principal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.metrics.FunnelService;
import com.salescadence.metrics.MetricsAccess;
import com.salescadence.metrics.MetricsService;
import com.salescadence.metrics.MetricsViews.AccuracyTrend;
import com.salescadence.metrics.MetricsViews.CategoriesView;
import com.salescadence.metrics.MetricsViews.ComplianceView;
import com.salescadence.metrics.MetricsViews.Overview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The numbers managers steer by, for a person and everyone below them. A rep sees only themselves, a manager
 * themselves and everyone below, an admin everyone (403 otherwise); person defaults to the caller, date to today.
 */
@RestController
@RequestMapping("/api/metrics")
@Tag(name = "Metrics", description = "Forecast, weekly progress, commit accuracy, linearity, coverage, growth, unfulfilled orders, "
        + "compliance, forecast categories and the funnel (docs/domain.md section 3); amounts in cadence.currency.base")
class MetricsController {

    private final MetricsService metrics;
    private final FunnelService funnel;
    private final MetricsAccess access;

    MetricsController(MetricsService metrics, FunnelService funnel, MetricsAccess access) {
        this.metrics = metrics;
        this.funnel = funnel;
        this.access = access;
    }

    @GetMapping("/overview")
    @Operation(summary = "Every figure of a person (a manager: their whole branch) for the week, month and quarter of a date, "
            + "with the direct reports for the drill-down")
    Overview overview(@RequestParam(required = false) String person,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                      Principal principal) {
        return metrics.overview(access.resolve(principal.getName(), person), date);
    }

    @GetMapping("/accuracy-trend")
    @Operation(summary = "Commit accuracy of the last completed weeks (1-52, default 13), oldest first")
    AccuracyTrend accuracyTrend(@RequestParam(required = false) String person, @RequestParam(defaultValue = "13") int weeks,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                Principal principal) {
        return metrics.accuracyTrend(access.resolve(principal.getName(), person), weeks, date);
    }

    @GetMapping("/funnel")
    @Operation(summary = "The funnel per stage of the active stage model, the person's branch beside the company, as it stood at "
            + "the end of a date (default now): entered, converted, lost, still in the stage (no threshold), stuck, average days")
    FunnelService.Funnel funnel(@RequestParam(required = false) String person,
                                @Parameter(description = "days without a stage change after which a deal is stuck; default cadence.metrics.stuck-days (30)")
                                @RequestParam(required = false) Integer stuckDays,
                                @Parameter(description = "the day the funnel is read at its end (history up to then); default today, not in the future")
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                Principal principal) {
        return funnel.funnel(access.resolve(principal.getName(), person), stuckDays, date);
    }

    @GetMapping("/categories")
    @Operation(summary = "Forecast categories (commit within upside-or-better within pipeline) of a weekly cycle (default the latest): "
            + "raw, own adjustment, adjusted by the level above, final")
    CategoriesView categories(@RequestParam(required = false) String person, @RequestParam(required = false) Long cycle,
                              Principal principal) {
        return metrics.categories(access.resolve(principal.getName(), person), cycle);
    }

    @GetMapping("/compliance")
    @Operation(summary = "Report compliance of the person's branch in its last cycles (default 13), oldest first")
    ComplianceView compliance(@RequestParam(required = false) String person, @RequestParam(defaultValue = "13") int cycles,
                              Principal principal) {
        return metrics.compliance(access.resolve(principal.getName(), person), cycles);
    }
}

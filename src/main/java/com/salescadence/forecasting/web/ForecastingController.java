package com.salescadence.forecasting.web;

import java.security.Principal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.forecasting.BacktestService;
import com.salescadence.forecasting.ForecastService;
import com.salescadence.forecasting.WinRateService;
import com.salescadence.metrics.MetricsAccess;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Learned win rates (issue 16), with the access rules of /api/metrics: a rep themselves, a manager their branch, an admin everyone. */
@RestController
@RequestMapping("/api/forecasting")
@Tag(name = "Forecasting", description = "Stage win rates learned from the team's own closed deals (README, 'Learned win rates')")
class ForecastingController {

    private final WinRateService winRates;
    private final ForecastService forecasts;
    private final BacktestService backtests;
    private final MetricsAccess access;

    ForecastingController(WinRateService winRates, ForecastService forecasts, BacktestService backtests, MetricsAccess access) {
        this.winRates = winRates;
        this.forecasts = forecasts;
        this.backtests = backtests;
        this.access = access;
    }

    @GetMapping("/win-rates")
    @Operation(summary = "Learned stage win rates (estimate and 90% interval, shrunk towards the configured rate) of the company, "
            + "each team and each person of the person's branch, from the deals closed by the end of the date (default today)")
    WinRateService.WinRates winRates(@RequestParam(required = false) String person,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                     Principal principal) {
        return winRates.winRates(access.resolve(principal.getName(), person), date);
    }

    @GetMapping("/forecasts")
    @Operation(summary = "The three forecasts of the person's branch for the date's quarter side by side (open funnel deals closing by "
            + "the quarter's end x the configured rate, x the learned rate, x the claimed probability), the week's commit, the "
            + "quarter's booked sales, and which method cadence.forecasting.method makes 'the forecast'")
    ForecastService.Forecasts forecasts(@RequestParam(required = false) String person,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                        Principal principal) {
        return forecasts.forecasts(access.resolve(principal.getName(), person), date);
    }

    @GetMapping("/backtest")
    @Operation(summary = "The back-test of the three forecasts over the last N finished quarters before the date's (1-4, default 4): for "
            + "every week with a company snapshot, each method's forecast of the quarter (booked so far + the snapshot's open deals "
            + "weighted; learned rates from the verdicts up to that week only) against the quarter's bookings, with the mean absolute "
            + "percentage error and bias per method, and the weekly commit's, for the person's branch and each first-line team in it")
    BacktestService.Backtest backtest(@RequestParam(required = false) String person, @RequestParam(defaultValue = "4") int quarters,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                      Principal principal) {
        return backtests.backtest(access.resolve(principal.getName(), person), quarters, date);
    }
}

package com.salescadence.cadence.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.salescadence.organization.QuotaService;

/**
 * The checks of the monthly forecast review (docs/domain.md section 2.3), plain Java:
 * <ul>
 * <li>the 12 months' forecast vs the stretch target of the same 12 months (each month a third of its
 *     quarter's stretch target): flagged below {@code stretchMin} (100%);</li>
 * <li>coverage = open pipeline closing in the 12 months / that stretch target: flagged below
 *     {@code coverageMin} (150%);</li>
 * <li>growth of pipeline and of forecast vs last month's frozen report = (now - last) / last: flagged
 *     below {@code growthMin} (5%), good at {@code growthGood} (10%) or more;</li>
 * <li>pipeline quality = weighted pipeline / raw pipeline, i.e. the pipeline's average win rate (how far
 *     along the stages the money is); flagged when it fell since last month.</li>
 * </ul>
 * Ratios are four-decimal fractions (0.0500 = 5%); empty when there is nothing to divide by.
 */
public final class ForecastChecks {

    private ForecastChecks() {
    }

    public enum Growth { GOOD, OK, LOW, UNKNOWN }

    /** The stretch target of the 12 months from {@code first}, and the quarters that have none. */
    public record Stretch(BigDecimal amount, List<String> quartersWithoutTarget) {
    }

    public static Stretch stretch12(YearMonth first, Function<String, Optional<BigDecimal>> stretchOfQuarter) {
        BigDecimal total = BigDecimal.ZERO;
        Set<String> without = new LinkedHashSet<>();
        for (YearMonth month : ForecastMonths.window(first)) {
            String quarter = QuotaService.quarterOf(month.atDay(1));
            Optional<BigDecimal> stretch = stretchOfQuarter.apply(quarter);
            if (stretch.isPresent()) {
                total = total.add(stretch.get().divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP));
            } else {
                without.add(quarter);
            }
        }
        return new Stretch(total, List.copyOf(without));
    }

    public static Optional<BigDecimal> ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(numerator.divide(denominator, 4, RoundingMode.HALF_UP));
    }

    /** (now - before) / before; empty without a figure from last month (or when it was zero). */
    public static Optional<BigDecimal> growth(BigDecimal now, BigDecimal before) {
        if (now == null) {
            return Optional.empty();
        }
        return ratio(before == null ? null : now.subtract(before), before);
    }

    public static Growth grade(Optional<BigDecimal> growth, MonthlyForecastSettings settings) {
        if (growth.isEmpty()) {
            return Growth.UNKNOWN;
        }
        if (growth.get().compareTo(settings.growthGood()) >= 0) {
            return Growth.GOOD;
        }
        return growth.get().compareTo(settings.growthMin()) >= 0 ? Growth.OK : Growth.LOW;
    }

    /** Weighted / raw pipeline: the average win rate of the money in the pipeline. */
    public static Optional<BigDecimal> quality(BigDecimal weighted, BigDecimal pipeline) {
        return ratio(weighted, pipeline);
    }

    /**
     * One rep's (or a team's) figures for the review; {@code forecast} is null when no report was
     * submitted, the {@code last*} figures are null when there is no frozen report of last month.
     */
    public record Figures(BigDecimal forecast, BigDecimal stretch, BigDecimal pipeline, BigDecimal weighted,
                          BigDecimal lastForecast, BigDecimal lastPipeline, BigDecimal lastWeighted) {

        public Optional<BigDecimal> forecastVsStretch() {
            return ratio(forecast, stretch);
        }

        public Optional<BigDecimal> coverage() {
            return ratio(pipeline, stretch);
        }

        public Optional<BigDecimal> pipelineGrowth() {
            return growth(pipeline, lastPipeline);
        }

        public Optional<BigDecimal> forecastGrowth() {
            return growth(forecast, lastForecast);
        }

        public Optional<BigDecimal> quality() {
            return ForecastChecks.quality(weighted, pipeline);
        }

        public Optional<BigDecimal> lastQuality() {
            return ForecastChecks.quality(lastWeighted, lastPipeline);
        }

        /** Quality now minus last month's, as a fraction (−0.0500 = five points lower). */
        public Optional<BigDecimal> qualityChange() {
            return quality().flatMap(now -> lastQuality().map(now::subtract));
        }

        /**
         * What the manager should look at, as codes the review form translates (with the row's figures); empty when
         * all checks pass: NO_FORECAST, NO_STRETCH_TARGET, BELOW_STRETCH, LOW_COVERAGE, LOW_PIPELINE_GROWTH,
         * LOW_FORECAST_GROWTH, QUALITY_FELL.
         */
        public List<String> flagCodes(MonthlyForecastSettings settings) {
            List<String> flags = new ArrayList<>();
            if (forecast == null) {
                flags.add(NO_FORECAST);
            }
            if (stretch == null || stretch.signum() == 0) {
                flags.add("NO_STRETCH_TARGET");
            } else {
                forecastVsStretch().filter(r -> r.compareTo(settings.stretchMin()) < 0).ifPresent(r -> flags.add("BELOW_STRETCH"));
                coverage().filter(r -> r.compareTo(settings.coverageMin()) < 0).ifPresent(r -> flags.add("LOW_COVERAGE"));
            }
            if (grade(pipelineGrowth(), settings) == Growth.LOW) {
                flags.add("LOW_PIPELINE_GROWTH");
            }
            if (grade(forecastGrowth(), settings) == Growth.LOW) {
                flags.add("LOW_FORECAST_GROWTH");
            }
            qualityChange().filter(change -> change.signum() < 0).ifPresent(change -> flags.add("QUALITY_FELL"));
            return flags;
        }

        /** What the manager should look at, in words (the API's review summary); empty when all checks pass. */
        public List<String> flags(MonthlyForecastSettings settings) {
            return flagCodes(settings).stream().map(code -> flagText(code, settings)).toList();
        }

        /** The English words of a flag code of {@link #flagCodes}, with these figures. */
        public String flagText(String code, MonthlyForecastSettings settings) {
            return switch (code) {
                case NO_FORECAST -> "no forecast submitted";
                case "NO_STRETCH_TARGET" -> "no stretch target";
                case "BELOW_STRETCH" -> "12 months at " + percent(forecastVsStretch().orElseThrow()) + " of stretch target";
                case "LOW_COVERAGE" -> "pipeline covers " + percent(coverage().orElseThrow()) + " of target (under "
                        + percent(settings.coverageMin()) + ")";
                case "LOW_PIPELINE_GROWTH" -> "pipeline growth " + percent(pipelineGrowth().orElseThrow()) + " (under "
                        + percent(settings.growthMin()) + ")";
                case "LOW_FORECAST_GROWTH" -> "forecast growth " + percent(forecastGrowth().orElseThrow()) + " (under "
                        + percent(settings.growthMin()) + ")";
                case "QUALITY_FELL" -> "pipeline quality fell " + points(qualityChange().orElseThrow().negate()) + " points";
                default -> code;
            };
        }
    }

    /** The flag code of a rep without a forecast (a team's missing forecasts are FORECASTS_MISSING instead). */
    public static final String NO_FORECAST = "NO_FORECAST";

    public static String percent(BigDecimal ratio) {
        return ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    public static String percent(Optional<BigDecimal> ratio) {
        return ratio.map(ForecastChecks::percent).orElse("-");
    }

    public static String points(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** A growth with its grade, e.g. "12.0% (good)". */
    public static String growthText(Optional<BigDecimal> growth, MonthlyForecastSettings settings) {
        return switch (grade(growth, settings)) {
            case UNKNOWN -> "-";
            case GOOD -> percent(growth) + " (good)";
            case OK -> percent(growth) + " (ok)";
            case LOW -> percent(growth) + " (low)";
        };
    }
}

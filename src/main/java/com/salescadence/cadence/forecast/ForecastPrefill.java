package com.salescadence.cadence.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the 12-month forecast is prefilled from a rep's open pipeline: each open deal counts in the month
 * of its expected close date, raw (its amount) and weighted (amount x its stage's win rate). A deal whose
 * expected close date has already passed counts in the first month (it is still open, so it is expected
 * now); deals beyond the twelve months are left out. The proposed forecast of a month is its weighted
 * pipeline; the rep decides. Plain Java, unit tested.
 */
public final class ForecastPrefill {

    private ForecastPrefill() {
    }

    /** An open deal as the prefill sees it. */
    public record PipelineDeal(BigDecimal amount, LocalDate expectedClose, int winRate) {
    }

    /** One month's pipeline: raw amount and weighted by win rate, both to the cent. */
    public record MonthFigures(YearMonth month, BigDecimal pipeline, BigDecimal weighted) {
    }

    public static List<MonthFigures> byMonth(List<PipelineDeal> deals, YearMonth first) {
        Map<YearMonth, BigDecimal[]> sums = new LinkedHashMap<>();
        ForecastMonths.window(first).forEach(m -> sums.put(m, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO}));
        for (PipelineDeal deal : deals) {
            YearMonth month = YearMonth.from(deal.expectedClose());
            if (month.isBefore(first)) {
                month = first;
            }
            BigDecimal[] sum = sums.get(month);
            if (sum == null) {
                continue;
            }
            sum[0] = sum[0].add(deal.amount());
            sum[1] = sum[1].add(weighted(deal));
        }
        List<MonthFigures> months = new ArrayList<>();
        sums.forEach((month, sum) -> months.add(new MonthFigures(month, sum[0].setScale(2, RoundingMode.HALF_UP),
                sum[1].setScale(2, RoundingMode.HALF_UP))));
        return months;
    }

    public static BigDecimal weighted(PipelineDeal deal) {
        return deal.amount().multiply(BigDecimal.valueOf(deal.winRate())).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal totalPipeline(List<MonthFigures> months) {
        return months.stream().map(MonthFigures::pipeline).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static BigDecimal totalWeighted(List<MonthFigures> months) {
        return months.stream().map(MonthFigures::weighted).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

package com.salescadence.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The funnel of seed 001, plain Java, from counts the database aggregated. Each deal counts once per stage
 * by the furthest stage it ever reached (its "reached" index in the funnel: open stages in order, then won),
 * so a deal that moved back and forward again is never counted twice: entered(stage i) = deals that reached
 * i or beyond, converted = deals that reached beyond i, lost = deals lost while in i.
 */
public final class FunnelRules {

    private FunnelRules() {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StageFigures(long entered, long converted, BigDecimal convertedPct, long lost, BigDecimal lostPct, long inStage,
                               long stuck, BigDecimal avgDays) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Overall(BigDecimal winRate, BigDecimal avgDealSize, BigDecimal cycleDays, long won, long closed) {
    }

    /**
     * @param stageCodes the open stages in funnel order
     * @param reached    deals per furthest index reached (index = position in stageCodes; stageCodes.size() = won)
     * @param lost       deals lost per stage they were lost from
     * @param inStage    open deals per stage they stand in (no threshold)
     * @param stuck      of those, the deals not moved for the stuck days
     * @param avgDays    average completed stay per stage, in days
     */
    public static List<StageFigures> stages(List<String> stageCodes, Map<Integer, Long> reached, Map<String, Long> lost,
                                            Map<String, Long> inStage, Map<String, Long> stuck, Map<String, BigDecimal> avgDays) {
        List<StageFigures> figures = new ArrayList<>();
        for (int i = 0; i < stageCodes.size(); i++) {
            String code = stageCodes.get(i);
            long entered = 0;
            long converted = 0;
            for (Map.Entry<Integer, Long> entry : reached.entrySet()) {
                if (entry.getKey() >= i) {
                    entered += entry.getValue();
                }
                if (entry.getKey() > i) {
                    converted += entry.getValue();
                }
            }
            long lostHere = lost.getOrDefault(code, 0L);
            BigDecimal days = avgDays.get(code);
            figures.add(new StageFigures(entered, converted, share(converted, entered), lostHere, share(lostHere, entered),
                    inStage.getOrDefault(code, 0L), stuck.getOrDefault(code, 0L), days == null ? null : days.setScale(1, RoundingMode.HALF_UP)));
        }
        return figures;
    }

    /** Win rate = won / closed (won + lost); deal size = won amount / won deals; cycle = days from opening to winning. */
    public static Overall overall(long won, long lost, BigDecimal wonAmount, BigDecimal wonDays) {
        return new Overall(share(won, won + lost),
                won == 0 ? null : wonAmount.divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_UP),
                won == 0 ? null : wonDays.divide(BigDecimal.valueOf(won), 1, RoundingMode.HALF_UP), won, won + lost);
    }

    static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}

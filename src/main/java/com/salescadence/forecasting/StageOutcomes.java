package com.salescadence.forecasting;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.salescadence.forecasting.WinRateRules.Tally;

/**
 * Which deals teach a stage's win rate as of a moment (issue 16): a deal of the funnel that was won or lost on or
 * before the moment (no look-ahead: a later verdict is unknown then), once for each open stage it entered by then,
 * however often it moved back into it. Out-of-funnel (small) deals skip the stages and teach nothing; open deals have
 * no verdict yet. This is the rule in plain Java.
 */
public final class StageOutcomes {

    private StageOutcomes() {
    }

    /** One dated stage entry of a deal. */
    public record Entry(String stage, LocalDateTime at) {
    }

    /** A deal's history: its owner, whether it is in the funnel, WON / LOST / OPEN, when it closed, its stage entries. */
    public record DealHistory(String owner, boolean inFunnel, String status, LocalDateTime closedAt, List<Entry> entries) {
    }

    /** Per owner and open stage: verdicts and wins as of {@code asOf}. */
    public static Map<String, Map<String, Tally>> tally(Collection<DealHistory> deals, Collection<String> openStages, LocalDateTime asOf) {
        Map<String, Map<String, Tally>> byOwner = new HashMap<>();
        for (DealHistory deal : deals) {
            boolean decided = "WON".equals(deal.status()) || "LOST".equals(deal.status());
            if (!deal.inFunnel() || !decided || deal.closedAt() == null || deal.closedAt().isAfter(asOf)) {
                continue;
            }
            Set<String> entered = new LinkedHashSet<>();
            for (Entry entry : deal.entries()) {
                if (!entry.at().isAfter(asOf) && openStages.contains(entry.stage())) {
                    entered.add(entry.stage());
                }
            }
            Tally one = new Tally(1, "WON".equals(deal.status()) ? 1 : 0);
            for (String stage : entered) {
                byOwner.computeIfAbsent(deal.owner(), k -> new HashMap<>()).merge(stage, one, Tally::plus);
            }
        }
        return byOwner;
    }
}

package com.salescadence.cadence;

import java.math.BigDecimal;
import java.util.List;

import com.salescadence.pipeline.PipelineFigures.SmallDeals;

/**
 * What a manager sees in the commit call or roll-up review: their lines, the totals, who is missing, key deals, and the
 * team's small deals in progress (open out-of-funnel deals of everyone in the team, the manager's own included: shown
 * beside the forecast, never in it).
 */
public record RollupView(long cycleId, String cycleKey, String managerId, int level, List<RollupRow> rows,
                         BigDecimal totalCommit, BigDecimal totalUpside, List<String> missing, List<KeyDeal> keyDeals,
                         SmallDeals smallDealsInProgress) {
}

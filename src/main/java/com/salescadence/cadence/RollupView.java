package com.salescadence.cadence;

import java.math.BigDecimal;
import java.util.List;

/** What a manager sees in the commit call or roll-up review: their lines, the totals, who is missing, key deals. */
public record RollupView(long cycleId, String cycleKey, String managerId, int level, List<RollupRow> rows,
                         BigDecimal totalCommit, BigDecimal totalUpside, List<String> missing, List<String> keyDeals) {
}

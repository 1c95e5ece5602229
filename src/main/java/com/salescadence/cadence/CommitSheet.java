package com.salescadence.cadence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The rep's weekly commit as the grid reads it from the API when it opens (the process keeps only ids): the week,
 * the rows (one per open deal: opportunityId, name, stage, probability, closes, amount, currency, category proposed,
 * the five checks) and the figures the running totals compare with. Figures without a value (no quota set, no
 * commit last week) are null.
 */
public record CommitSheet(long cycleId, String cycleKey, LocalDate periodStart, LocalDate periodEnd, String quarter,
                          List<Map<String, Object>> rows, BigDecimal quarterQuota, BigDecimal quarterStretch,
                          BigDecimal bookedThisQuarter, BigDecimal lastWeekCommit, BigDecimal lastWeekUpside,
                          BigDecimal lastWeekActual, LocalDate today) {
}

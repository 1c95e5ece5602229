package com.salescadence.cadence;

import java.math.BigDecimal;
import java.util.List;

import com.salescadence.pipeline.PipelineFigures.SmallDeals;

/**
 * One line of a manager's roll-up: a rep (first line) or a team below. Raw figures are the person's
 * own; commit and upside are after this manager's adjustment. {@code flags} are the English texts of
 * {@code callFlags} (the brief and older API callers read them); the grid shows {@code callFlags} in the
 * person's language. {@code smallDealsInProgress}: the line's open out-of-funnel deals (count, amount), beside its
 * forecasts and never in them.
 */
public record RollupRow(String personId, String person, String status, BigDecimal rawCommit, BigDecimal rawUpside,
                        BigDecimal commit, BigDecimal upside, String adjustedBy, String adjustmentReason,
                        BigDecimal lastWeekCommit, BigDecimal lastWeekActual, String accuracy, String linearity,
                        BigDecimal monthForecast, BigDecimal monthStretch, BigDecimal quarterForecast,
                        BigDecimal quarterStretch, String unfulfilledShare, List<String> flags,
                        List<CallFlag> callFlags, SmallDeals smallDealsInProgress) {
}

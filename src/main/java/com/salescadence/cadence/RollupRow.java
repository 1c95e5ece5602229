package com.salescadence.cadence;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of a manager's roll-up: a rep (first line) or a team below. Raw figures are the person's
 * own; commit and upside are after this manager's adjustment.
 */
public record RollupRow(String personId, String person, String status, BigDecimal rawCommit, BigDecimal rawUpside,
                        BigDecimal commit, BigDecimal upside, String adjustedBy, String adjustmentReason,
                        BigDecimal lastWeekCommit, BigDecimal lastWeekActual, String accuracy, String linearity,
                        BigDecimal monthForecast, BigDecimal monthStretch, BigDecimal quarterForecast,
                        BigDecimal quarterStretch, String unfulfilledShare, List<String> flags) {
}

package com.salescadence.cadence.quarterly;

import java.math.BigDecimal;

/**
 * A rep's figures for a quarter: booked sales (won deals closed in the quarter, out-of-funnel sales
 * included), the quarter's quota and stretch target (null when none was set), and the booked sales
 * of the quarter before.
 */
public record QuarterResults(String quarter, BigDecimal booked, BigDecimal quota, BigDecimal stretch,
                             String previousQuarter, BigDecimal previousBooked) {
}

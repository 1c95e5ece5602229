package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The rep's BANT qualification of a lead, and the opportunity to open when qualified. */
public record Qualification(boolean qualified, String budget, String authority, String need, String timeline,
                            String disqualifyReason, String opportunityName, BigDecimal amount,
                            LocalDate expectedCloseDate) {
}

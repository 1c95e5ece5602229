package com.salescadence.cadence;

import java.time.LocalDate;

import com.salescadence.pipeline.Opportunity;

/**
 * How the weekly commit form is prefilled from the pipeline: a deal closing by the end of the week at
 * 75% or more is proposed as commit, one closing within the month at 50% or more as upside, the rest
 * as not this week. The rep decides; this only saves typing.
 */
public final class CommitPrefill {

    private CommitPrefill() {
    }

    public static String proposedCategory(Opportunity deal, LocalDate weekEnd, LocalDate monthEnd) {
        if (deal.probability() >= 75 && !deal.expectedCloseDate().isAfter(weekEnd)) {
            return "commit";
        }
        if (deal.probability() >= 50 && !deal.expectedCloseDate().isAfter(monthEnd)) {
            return "upside";
        }
        return "none";
    }
}

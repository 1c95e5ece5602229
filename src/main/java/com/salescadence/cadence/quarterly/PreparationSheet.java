package com.salescadence.cadence.quarterly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A rep's "Prepare quarterly review" as the form (forms/prepare-quarterly-review.html) reads it when it opens: the
 * process keeps only ids. Figures are numbers (the form formats them), percents have one decimal (115.0); null when
 * there is none (no quota set, nothing booked the quarter before); flags are codes the form words in the reader's
 * language.
 *
 * @param quarter          the quarter under review (2026-Q3), from periodStart to periodEnd
 * @param nextQuarter      the quarter the rep plans for and proposes a target for
 * @param growthPercent    booked sales over the previous quarter's, in percent; expectedGrowthPercent the expected growth
 * @param flags            BELOW_QUOTA, GROWTH_BELOW_EXPECTED
 * @param nextQuarterQuota the quota already set for the next quarter, null when none is
 * @param keyAccounts      the key accounts the rep owns, whose plans the rep presents in the review
 */
public record PreparationSheet(long cycleId, String quarter, LocalDate periodStart, LocalDate periodEnd, String nextQuarter,
                               BigDecimal booked, BigDecimal quota, BigDecimal stretch, BigDecimal attainmentPercent,
                               BigDecimal stretchAttainmentPercent, String previousQuarter, BigDecimal previousBooked,
                               BigDecimal growthPercent, BigDecimal expectedGrowthPercent, List<String> flags,
                               BigDecimal nextQuarterQuota, List<KeyAccount> keyAccounts) {

    /** A key account the rep owns (industry null when not known). */
    public record KeyAccount(long id, String name, String industry) {
    }
}

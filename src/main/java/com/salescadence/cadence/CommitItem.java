package com.salescadence.cadence;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A frozen line of a submitted weekly commit, with the deal as it stood then. */
public record CommitItem(long id, long commitReportId, long opportunityId, String opportunityName, String stageCode,
                         int probability, LocalDate expectedCloseDate, CommitCategory category, BigDecimal amount,
                         boolean configurationFinal, boolean endUserContractSigned, boolean partnerContractsSigned,
                         boolean discountApproved, boolean partnerReadyToOrder) {

    /** All five reliability checks hold: the item is 90%+ reliable. */
    public boolean reliable() {
        return configurationFinal && endUserContractSigned && partnerContractsSigned && discountApproved && partnerReadyToOrder;
    }
}

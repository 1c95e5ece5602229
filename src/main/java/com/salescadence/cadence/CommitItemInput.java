package com.salescadence.cadence;

import java.math.BigDecimal;

/** One line of a rep's weekly commit, as submitted, with the five reliability checks of docs/domain.md section 2.1. */
public record CommitItemInput(Long opportunityId, BigDecimal amount, CommitCategory category,
                              boolean configurationFinal, boolean endUserContractSigned, boolean partnerContractsSigned,
                              boolean discountApproved, boolean partnerReadyToOrder) {

    public CommitItemInput withAmount(BigDecimal wholeDeal) {
        return new CommitItemInput(opportunityId, wholeDeal, category, configurationFinal, endUserContractSigned,
                partnerContractsSigned, discountApproved, partnerReadyToOrder);
    }

    public int checksMet() {
        return (configurationFinal ? 1 : 0) + (endUserContractSigned ? 1 : 0) + (partnerContractsSigned ? 1 : 0)
                + (discountApproved ? 1 : 0) + (partnerReadyToOrder ? 1 : 0);
    }
}

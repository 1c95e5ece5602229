package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A deal brought in from a spreadsheet, where it already stands: its stage of the active stage model (open,
 * won or lost), the claimed probability (null for the stage's win rate), for a closed deal the day it
 * closed and, when lost, why, and the day it was opened when known (the sales cycle runs from it); {@code importRef} the
 * deal's reference in the file it came from (its {@code ref}, a Salesforce Opportunity Id), by which a later import's
 * orders may name it; null when it had none.
 */
public record ImportedDeal(long accountId, String ownerId, String name, BigDecimal amount, String currency,
                           LocalDate expectedCloseDate, String stageCode, Integer probability, LocalDate closedOn,
                           String lossReason, LocalDate createdOn, String importRef) {

    /** A deal without a reference of its own. */
    public ImportedDeal(long accountId, String ownerId, String name, BigDecimal amount, String currency, LocalDate expectedCloseDate,
                        String stageCode, Integer probability, LocalDate closedOn, String lossReason, LocalDate createdOn) {
        this(accountId, ownerId, name, amount, currency, expectedCloseDate, stageCode, probability, closedOn, lossReason, createdOn, null);
    }

    /** The stored form of a reference: trimmed, lower case (references are matched without case); null for none. */
    public static String refKey(String ref) {
        return ref == null || ref.isBlank() ? null : ref.trim().toLowerCase(java.util.Locale.ROOT);
    }
}

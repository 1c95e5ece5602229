package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A deal brought in from a spreadsheet, where it already stands: its stage of the active stage model (open,
 * won or lost), the claimed probability (null for the stage's win rate), for a closed deal the day it
 * closed and, when lost, why, and the day it was opened when known (the sales cycle runs from it).
 */
public record ImportedDeal(long accountId, String ownerId, String name, BigDecimal amount, String currency,
                           LocalDate expectedCloseDate, String stageCode, Integer probability, LocalDate closedOn,
                           String lossReason, LocalDate createdOn) {
}

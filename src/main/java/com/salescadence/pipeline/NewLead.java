package com.salescadence.pipeline;

import java.math.BigDecimal;

/** A lead as a rep (or an import) enters it. */
public record NewLead(Long accountId, String ownerId, String title, String source, BigDecimal estimatedAmount) {
}

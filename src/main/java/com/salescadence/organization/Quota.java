package com.salescadence.organization;

import java.math.BigDecimal;

/** A person's quota and stretch target for a period such as 2026-Q4. */
public record Quota(String personId, String periodKey, BigDecimal quotaAmount, BigDecimal stretchAmount, String currency) {
}

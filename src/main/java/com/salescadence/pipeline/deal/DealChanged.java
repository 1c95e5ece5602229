package com.salescadence.pipeline.deal;

/**
 * A deal's amount, close date, probability or next step changed (published by {@link DealChangeService} inside the
 * transaction that stores the change; a listener's work, such as renaming the deal's open tasks, is part of it).
 */
public record DealChanged(long opportunityId) {
}

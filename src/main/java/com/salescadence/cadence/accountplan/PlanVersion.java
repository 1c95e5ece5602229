package com.salescadence.cadence.accountplan;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** One frozen version of a plan; a revision adds a version, it never changes the text of an earlier one. */
public record PlanVersion(long id, long planId, int versionNo, PlanVersionStatus status, String authorId, LocalDateTime createdAt,
                          String executiveSummary, String strategicOptions, String businessRisks, String customerAnalysis,
                          String goalsObjectives, String actionsResources, String appendix, String currency,
                          BigDecimal forecastYear1, BigDecimal forecastYear2, BigDecimal forecastYear3, BigDecimal forecastYear4,
                          BigDecimal forecastYear5, String reviewerId, String reviewerComment, LocalDateTime reviewedAt) {

    public PlanContent content() {
        return new PlanContent(executiveSummary, strategicOptions, businessRisks, customerAnalysis, goalsObjectives,
                actionsResources, java.util.Arrays.asList(forecastYear1, forecastYear2, forecastYear3, forecastYear4, forecastYear5),
                appendix);
    }

    public List<BigDecimal> forecast() {
        return content().forecast();
    }
}

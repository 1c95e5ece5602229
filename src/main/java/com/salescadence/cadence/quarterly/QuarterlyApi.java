package com.salescadence.cadence.quarterly;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** Requests and answers of the quarterly review's API. Grid cells as text: the rules answer each problem at its rep's row. */
final class QuarterlyApi {

    private QuarterlyApi() {
    }

    record QuarterlyReviewRequest(@Schema(description = "required") String nextQuarterPlan,
                                  @Schema(example = "900000.00") String proposedTarget) {
    }

    record TeamReviewPage(String cycleKey, String nextQuarter, String managerId, String brief,
                          BigDecimal expectedGrowthPercent, List<TeamMemberReview> reps,
                          @Schema(description = "the rows of the 'Run quarterly review' form") List<TeamReviewRow> rows,
                          @Schema(description = "once recorded") ManagerReview review,
                          @Schema(description = "once recorded") List<QuarterlyTarget> targets) {
    }

    record TeamReviewRequest(@Valid @Size(max = 2000, message = "行数过多。 / Too many rows.") List<TargetRequest> targets,
                             String notes) {
    }

    record TargetRequest(String personId, @Schema(example = "900000.00") String target,
                         @Schema(description = "the review's outcome code for the rep") String outcome) {
    }
}

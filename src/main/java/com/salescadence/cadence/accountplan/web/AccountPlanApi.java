package com.salescadence.cadence.accountplan.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import com.salescadence.cadence.accountplan.AccountPlan;
import com.salescadence.cadence.accountplan.PlanReview;
import com.salescadence.cadence.accountplan.PlanVersion;
import com.salescadence.cadence.accountplan.PlanVersionStatus;
import com.salescadence.cadence.accountplan.TierMonitoring;
import com.salescadence.cadence.accountplan.TierReview;
import com.salescadence.cadence.accountplan.TierReviewRow;
import com.salescadence.pipeline.Account;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Requests and answers of the account plan API. Field names follow the task forms; figures are taken as text (a
 * number is read as its text) so that the plan's rules answer each problem in both languages, as for the forms.
 */
final class AccountPlanApi {

    private AccountPlanApi() {
    }

    record AccountPlans(Account account, @Schema(description = "newest year first") List<PlanYearView> plans,
                        @Schema(description = "the business key of the running revision, if any") String runningRevision) {
    }

    record PlanYearView(AccountPlan plan, List<VersionSummary> versions, List<PlanReview> reviews,
                        @Schema(description = "once the plan is approved") Monitoring monitoring) {
    }

    record VersionSummary(int versionNo, PlanVersionStatus status, String authorId, LocalDateTime createdAt,
                          String reviewerId, LocalDateTime reviewedAt, String reviewerComment) {

        static VersionSummary of(PlanVersion v) {
            return new VersionSummary(v.versionNo(), v.status(), v.authorId(), v.createdAt(), v.reviewerId(),
                    v.reviewerId() == null ? null : v.reviewedAt(), v.reviewerComment());
        }
    }

    record Monitoring(TierMonitoring.Frequency frequency, boolean individual, List<LocalDate> reviewDates,
                      List<LocalDate> progressReportDates) {
    }

    record YearRequest(@Schema(example = "2027", description = "optional: default this year") @Size(max = 10,
            message = "“年份”太长。 / The year is too long.") String year) {
    }

    record TierReviewPage(int year, String managerId, List<TierReviewRow> secondTier, List<TierReviewRow> others,
                          List<TierReview> reviews) {
    }

    record TierReviewRequest(@Schema(description = "one row per second-tier account")
                             @Valid @Size(max = 2000, message = "行数过多。 / Too many rows.") List<TierRowRequest> secondTierAccounts,
                             String collectiveNotes) {
    }

    record TierRowRequest(@Schema(example = "42") String accountId, String notes) {
    }

    record TierReviewsRecorded(List<TierReview> reviews) {
    }

    record DirectionRequest(String direction, String teamMembers, String timeline,
                            @Schema(example = "10", description = "weeks to develop the plan, 8-12") String developWeeks) {
    }

    record MonitoringRequest(@Schema(allowableValues = {"quarterly-review", "progress-report"}) String kind,
                             @Schema(allowableValues = {"yes", "no"}) String onTrack, String notes) {
    }

    record PlanReviews(List<PlanReview> reviews) {
    }

    record PlanRequest(@Schema(description = "true: save a DRAFT version, the task stays open") Boolean draft,
                       String executiveSummary, String strategicOptions, String businessRisks, String customerAnalysis,
                       String goalsObjectives, String actionsResources,
                       @Schema(description = "the yearly amounts, first year first (five)") List<String> forecast,
                       String appendix) {
    }

    record PlanReviewRequest(@Schema(allowableValues = {"approve", "return"}) String decision, String comment) {
    }
}

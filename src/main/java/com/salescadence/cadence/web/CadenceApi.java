package com.salescadence.cadence.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CommitItem;
import com.salescadence.cadence.CommitReport;
import com.salescadence.cadence.KeyDeal;
import com.salescadence.cadence.RepReliability;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.RollupReport;
import com.salescadence.cadence.RollupRow;
import com.salescadence.pipeline.PipelineFigures;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Requests and answers of the weekly cadence's API (the weekly commit, the commit call, compliance). Grid cells
 * are taken as text (a number is read as its text): the rules read them and answer each problem at its row, as
 * for the Tasklist form posting the same grid.
 */
final class CadenceApi {

    static final int MAX_ROWS = 2000;
    static final String TOO_MANY_ROWS = "行数过多。 / Too many rows.";

    private CadenceApi() {
    }

    record TimersFired(String cycleKey, @Schema(description = "timers fired, by activity") Map<String, Integer> fired,
                       @Schema(description = "the next timer, if any") List<NextTimer> next) {
    }

    record NextTimer(LocalDateTime dueAt) {
    }

    record ComplianceRow(String personId, @Schema(description = "full name") String person, ReportType reportType,
                         String status, LocalDateTime dueAt, LocalDateTime submittedAt,
                         @Schema(description = "only in a person's history") String cycleKey) {
    }

    record CycleCompliance(long cycleId, String cycleKey, @Schema(description = "reports by status") Map<String, Long> counts,
                           List<ComplianceRow> reports) {
    }

    record PersonCompliance(String personId, Cadence cadence, @Schema(description = "reports by status") Map<String, Long> counts,
                            List<ComplianceRow> reports) {
    }

    record CommitView(CommitReport report, List<CommitItem> items) {
    }

    record CommitForm(String cycleKey, String brief, BigDecimal lastWeekActual,
                      @Schema(description = "one prefilled row per open deal") List<Map<String, Object>> items) {
    }

    record CommitRequest(@Valid @Size(max = MAX_ROWS, message = TOO_MANY_ROWS) List<CommitRowRequest> items,
                         @Size(max = 4000, message = "项目跟踪太长。 / The project tracking is too long.") String projectTracking) {
    }

    record CommitRowRequest(@Schema(example = "42") String opportunityId,
                            @Schema(example = "120000.00", description = "empty: the whole deal") String amount,
                            @Schema(allowableValues = {"commit", "upside", "pipeline", "omit"}) String category,
                            @Schema(example = "2026-12-18", description = "optional: changes the deal's close date") String closeDate,
                            Boolean configurationFinal, Boolean endUserContractSigned, Boolean partnerContractsSigned,
                            Boolean discountApproved, Boolean partnerReadyToOrder) {
    }

    record AdjustmentRequest(String personId, @Schema(example = "300000") String commit, @Schema(example = "80000") String upside,
                             String reason) {
    }

    record RollupRequest(@Valid @Size(max = MAX_ROWS, message = TOO_MANY_ROWS) List<AdjustmentRequest> adjustments,
                         String notes) {
    }

    record RollupSubmitted(RollupReport rollup) {
    }

    record CallCheckRequest(@Valid @Size(max = MAX_ROWS, message = TOO_MANY_ROWS) List<AdjustmentRequest> adjustments,
                            String callNotes) {
    }

    record CallLimits(BigDecimal maxAmount, int decimals, int reasonMaxLength) {
    }

    record CallLines(String taskId, long cycleId, String cycleKey, LocalDate weekStart, String managerId, String manager,
                     int level, boolean submitted, List<RollupRow> rows, BigDecimal totalCommit, BigDecimal totalUpside,
                     PipelineFigures.SmallDeals smallDealsInProgress, List<KeyDeal> keyDeals, CallLimits limits,
                     @Schema(description = "Each rep line's reliability (median actual / commit over the last completed weeks) and the "
                             + "commit it suggests: shown beside the commit, never applied (none for the lines of teams)")
                     List<RepReliability> reliability) {
    }
}

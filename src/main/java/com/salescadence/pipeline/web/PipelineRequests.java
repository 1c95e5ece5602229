package com.salescadence.pipeline.web;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the pipeline API. Field names follow the task forms. */
final class PipelineRequests {

    private PipelineRequests() {
    }

    record NewAccountRequest(@Schema(example = "Shanghai Precision Tools") String name,
                             @Schema(example = "KEY", allowableValues = {"KEY", "SECOND", "OTHER"}) String tier,
                             String industry,
                             @Schema(description = "owner's login; defaults to the caller") String ownerId) {
    }

    record NewLeadRequest(Long accountId, @Schema(example = "ERP upgrade") String title, String source,
                          BigDecimal estimatedAmount,
                          @Schema(description = "owner's login; defaults to the caller") String ownerId) {
    }

    record QualificationRequest(@Schema(allowableValues = {"qualify", "disqualify"}) String decision, String budget,
                                String authority, String need, String timeline, String disqualifyReason,
                                String opportunityName, @Schema(example = "250000.00") String amount,
                                @Schema(example = "2027-03-31") String expectedCloseDate) {
    }

    record StageWorkRequest(@Schema(allowableValues = {"advance", "lost"}) String action,
                            @Schema(description = "outcome codes of the current stage that are evidenced") List<String> outcomes,
                            @Schema(description = "the evidence for the outcomes listed") String evidence,
                            @Schema(description = "probability claimed for the next stage, percent") String claimedProbability,
                            @Schema(description = "optional: the stage to advance to; it must be the next one") String targetStage,
                            String lossReason) {
    }

    record AdvanceDecisionRequest(@Schema(allowableValues = {"approve", "reject"}) String decision, String comment) {
    }

    record GoDecisionRequest(@Schema(allowableValues = {"go", "no_go"}) String decision, String reasoning) {
    }

    record SmallDealOutcomeRequest(@Schema(allowableValues = {"won", "lost"}) String outcome, String lossReason) {
    }

    record CreditCheckRequest(@Schema(allowableValues = {"approve", "refuse"}) String decision, String note) {
    }

    record DeliveryRequest(@Schema(example = "2026-11-20") String deliveredOn, String note) {
    }

    record PaymentRequest(@Schema(example = "120000.00") String amount, @Schema(example = "2026-11-20") String receivedOn,
                          String reference) {
    }
}

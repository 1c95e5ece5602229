package com.salescadence.pipeline.deal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.salescadence.pipeline.AdvanceRequest;
import com.salescadence.pipeline.StageChange;
import com.salescadence.pipeline.deal.DealChange;
import com.salescadence.pipeline.deal.DealComment;
import com.salescadence.pipeline.stage.Stage;

/** Answers of the deals API. Names of people are in {@code names} (login to full name). */
final class DealViews {

    private DealViews() {
    }

    record Viewer(String id, String name, String role, boolean team) {
    }

    /** A stage of the deal's stage model: names in English and Chinese, default win rate and the probability cap. */
    record StageView(String code, String name, String nameZh, int winRate, int probabilityCap, String kind) {
        static StageView of(Stage stage) {
            return new StageView(stage.code(), stage.name(), stage.name("zh"), stage.winRate(), stage.probabilityCap(),
                    stage.kind().name());
        }
    }

    /**
     * A deal as listed: baseAmount is the amount in the base currency (the totals add these), weighted the base amount
     * x probability; overdue: open past its expected close date; inFunnel false: a small deal, no pipeline.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DealRow(long id, String name, long accountId, String accountName, String ownerId, String ownerName,
                   BigDecimal amount, String currency, BigDecimal baseAmount, BigDecimal weighted, LocalDate closeDate,
                   String stageCode, int probability, String status, boolean inFunnel, boolean overdue, String nextStep,
                   LocalDateTime stageEnteredAt) {
    }

    record DealList(Viewer viewer, String baseCurrency, List<StageView> stages, List<DealRow> deals) {
    }

    record EvidenceView(String stageCode, String outcomeCode, String outcome, String outcomeZh, String evidence,
                        String recordedBy, LocalDateTime recordedAt) {
    }

    /** An open task of the deal's lead-to-cash process, and where it opens in the Tasklist. */
    record TaskView(String id, String name, String assignee, LocalDateTime created, String link) {
    }

    /** A mail the product sent about the deal (its name in the subject) to the owner or the managers above; createdAt in the product's time zone, as every time here. */
    record MailView(long id, String recipientId, String kind, String subject, String body, String status, LocalDateTime createdAt) {
    }

    /** Everything the deal page shows; canEdit: the caller owns the open deal; canComment: the caller may comment. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DealPage(Viewer viewer, String baseCurrency, DealRow deal, StageView stage, List<StageView> stages,
                    List<StageChange> stageHistory, List<EvidenceView> evidence, List<AdvanceRequest> advanceRequests,
                    List<DealChange> changes, List<DealComment> comments, List<TaskView> openTasks, List<MailView> mails,
                    Map<String, String> names, boolean canEdit, boolean canComment) {
    }
}

package com.salescadence.meeting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A meeting's agenda, prefilled from the product when the form opens: the sections of its kind in order, and the
 * figures and rows each shows. A section the kind does not have is null (or empty).
 *
 * @param about whose results and pipeline: the rep of a 1:1, the owner's branch otherwise
 */
public record Agenda(List<MeetingKind.AgendaSection> sections, String aboutId, String aboutName, Results results,
                     PipelineHealth pipelineHealth, List<Deal> keyDeals, Deal winStory, List<Review> quarterlyReviews,
                     List<OpenAction> openActions) {

    /** Quarter to date against quota. */
    public record Results(String quarter, String currency, BigDecimal quota, BigDecimal booked, BigDecimal forecast,
                          BigDecimal attainmentPercent) {
    }

    /** Coverage, stuck deals and what changed since the week's baseline snapshot (null when there is none yet). */
    public record PipelineHealth(BigDecimal coveragePercent, String coverageFlag, BigDecimal openPipeline, long stuckDeals,
                                 int stuckDays, BigDecimal changeFrom, BigDecimal changeTo, Integer changedDeals) {
    }

    public record Deal(long id, String name, String owner, BigDecimal amount, String stageCode, LocalDate closeDate) {
    }

    /** A rep's quarterly review as recorded, for the QBR. */
    public record Review(String personId, String name, String quarter, BigDecimal booked, BigDecimal quota,
                         String nextQuarterPlan, BigDecimal proposedTarget) {
    }

    public record OpenAction(long id, String what, String ownerId, String owner, LocalDate dueDate, boolean overdue) {
    }
}

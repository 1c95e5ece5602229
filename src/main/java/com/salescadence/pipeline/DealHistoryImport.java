package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.pipeline.stage.StageModelCatalog;

/**
 * A deal's past brought in from a team's earlier system (issue 12): its dated stage history, replacing the single entry
 * the deal import wrote, and a won deal's order with its invoice and payment. The deal is one just imported (a closed
 * deal has no process; an open one's process waits in its current stage, which the history ends in).
 */
@Service
@Transactional
public class DealHistoryImport {

    /** An open stage a deal entered on a day. */
    public record DatedStage(String stageCode, LocalDate enteredOn) {
    }

    private final JdbcClient jdbc;
    private final StageModelCatalog stageModels;
    private final PipelineProperties properties;
    private final KeptFigures figures;

    DealHistoryImport(JdbcClient jdbc, StageModelCatalog stageModels, PipelineProperties properties, KeptFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.stageModels = stageModels;
        this.properties = properties;
    }

    /**
     * Replaces the deal's stage history by its path: each open stage entered (oldest first; empty when only the stage a lost
     * deal was lost from is known, then {@code lostFrom} is entered when the deal was created), then for a closed deal its
     * won or lost stage when it closed. The deal entered its current stage on the last date; it was created no later than
     * the first.
     */
    public void replaceHistory(long dealId, List<DatedStage> path, String lostFrom, String actorId, String note) {
        Object[] row = jdbc.sql("select stage_model, stage_code, status, created_at, closed_at from opportunity where id = ?")
                .param(dealId).query((rs, n) -> new Object[] {rs.getString("stage_model"), rs.getString("stage_code"),
                        rs.getString("status"), rs.getObject("created_at", LocalDateTime.class), rs.getObject("closed_at", LocalDateTime.class)})
                .single();
        StageModel model = stageModels.model((String) row[0]);
        String current = (String) row[1];
        OpportunityStatus status = OpportunityStatus.valueOf((String) row[2]);
        LocalDateTime createdAt = (LocalDateTime) row[3];
        LocalDateTime closedAt = (LocalDateTime) row[4];
        List<DatedStage> entries = path.isEmpty() && lostFrom != null
                ? List.of(new DatedStage(lostFrom, createdAt.toLocalDate())) : path;
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("delete from stage_history where opportunity_id = ?").param(dealId).update();
        String from = null;
        LocalDateTime at = null;
        for (DatedStage entry : entries) {
            at = entry.enteredOn().atStartOfDay();
            add(dealId, from, entry.stageCode(), model.stage(entry.stageCode()).winRate(), actorId, at, note);
            from = entry.stageCode();
        }
        LocalDateTime first = entries.get(0).enteredOn().atStartOfDay();
        if (status == OpportunityStatus.OPEN) {
            LocalDateTime entered = at;
            figures.change(List.of(dealId), () -> jdbc.sql(
                    "update opportunity set stage_entered_at = ?, created_at = case when created_at > ? then ? else created_at end where id = ?")
                    .params(entered, first, first, dealId).update());
        } else {
            add(dealId, from, current, status == OpportunityStatus.WON ? 100 : 0, actorId, closedAt, note);
            figures.change(List.of(dealId), () -> jdbc.sql(
                    "update opportunity set created_at = case when created_at > ? then ? else created_at end where id = ?")
                    .params(first, first, dealId).update());
        }
    }

    private void add(long dealId, String from, String to, int probability, String by, LocalDateTime at, String note) {
        jdbc.sql("""
                insert into stage_history (opportunity_id, from_stage, to_stage, probability, changed_by, changed_at, note)
                values (?, ?, ?, ?, ?, ?, ?)""").params(dealId, from, to, probability, by, at, note).update();
    }

    /**
     * A won deal's order as it stands: booked, invoiced (due {@code dueOn}, default after the payment terms) and paid
     * ({@code paidAmount} on {@code paidOn}; PAID when it covers the order, else the invoice stays open).
     */
    public void recordOrder(long dealId, BigDecimal amount, String currency, LocalDate orderedOn, LocalDate invoicedOn, LocalDate dueOn,
                            LocalDate paidOn, BigDecimal paidAmount, String actorId, String note) {
        boolean paid = paidOn != null && paidAmount.compareTo(amount) >= 0;
        String status = paid ? "PAID" : invoicedOn != null ? "INVOICED" : "BOOKED";
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into sales_order (opportunity_id, amount, currency, status, credit_checked_by, credit_note, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(dealId, amount, currency, status, actorId, note, orderedOn.atStartOfDay()).update(key, "id");
        if (invoicedOn == null) {
            return;
        }
        long orderId = key.getKey().longValue();
        GeneratedKeyHolder invoiceKey = new GeneratedKeyHolder();
        jdbc.sql("insert into invoice (order_id, amount, currency, issued_on, due_on, status, paid_on) values (?, ?, ?, ?, ?, ?, ?)")
                .params(orderId, amount, currency, invoicedOn, dueOn != null ? dueOn : invoicedOn.plusDays(properties.paymentTermsDays()),
                        paid ? "PAID" : "OPEN", paid ? paidOn : null)
                .update(invoiceKey, "id");
        if (paidOn != null) {
            jdbc.sql("insert into payment (invoice_id, amount, received_on, reference, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?)")
                    .params(invoiceKey.getKey().longValue(), paidAmount, paidOn, note, actorId, paidOn.atStartOfDay()).update();
        }
    }
}

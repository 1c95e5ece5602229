package com.salescadence.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The history of an import that passed validation (issue 12): per deal (its line in the opportunities file) the open
 * stages it entered with their dates, oldest first, and the stage a lost deal was lost from; the won deals' orders and
 * payments; past weekly commits. Deals are the opportunities file's rows of the same import.
 */
public record HistoryRows(Map<Integer, List<StageEntry>> stages, Map<Integer, String> lostFrom, List<OrderRow> orders,
                          List<CommitRow> commits) {

    public static final HistoryRows NONE = new HistoryRows(Map.of(), Map.of(), List.of(), List.of());

    public HistoryRows {
        stages = Map.copyOf(stages);
        lostFrom = Map.copyOf(lostFrom);
        orders = List.copyOf(orders);
        commits = List.copyOf(commits);
    }

    public boolean isEmpty() {
        return stages.isEmpty() && lostFrom.isEmpty() && orders.isEmpty() && commits.isEmpty();
    }

    public int stageEntries() {
        return stages.values().stream().mapToInt(List::size).sum();
    }

    /** A stage a deal entered on a day. */
    public record StageEntry(int line, String stageCode, LocalDate enteredOn) {
    }

    /**
     * A won deal's order, with its invoice and payment when given; dueOn and paidAmount null for their defaults. The deal is
     * the opportunities file's line {@code dealLine}, or when {@code storedDealId} is set a won deal imported before (then
     * {@code dealLine} is 0 and {@code currency} the deal's).
     */
    public record OrderRow(int line, int dealLine, BigDecimal amount, LocalDate orderedOn, LocalDate invoicedOn, LocalDate dueOn,
                           LocalDate paidOn, BigDecimal paidAmount, Long storedDealId, String currency) {
    }

    /** A rep's weekly commit of a past week (its Monday). */
    public record CommitRow(int line, String repId, LocalDate monday, BigDecimal commit, BigDecimal upside) {
    }
}

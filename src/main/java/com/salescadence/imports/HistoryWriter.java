package com.salescadence.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;

import com.salescadence.cadence.CommitHistoryImport;
import com.salescadence.imports.HistoryRows.CommitRow;
import com.salescadence.imports.HistoryRows.OrderRow;
import com.salescadence.imports.HistoryRows.StageEntry;
import com.salescadence.imports.ImportRows.DealRow;
import com.salescadence.metrics.snapshot.HistorySnapshots;
import com.salescadence.pipeline.DealHistoryImport;
import com.salescadence.pipeline.DealHistoryImport.DatedStage;

/**
 * Stores an import's history (issue 12) after its deals, in the same transaction: each deal's dated stage history, the
 * won deals' orders and payments, past weekly commits; then, when stage history came in, the company's pipeline at the
 * end of each past week is reconstructed as snapshots.
 */
@Component
class HistoryWriter {

    private final DealHistoryImport deals;
    private final CommitHistoryImport commits;
    private final HistorySnapshots snapshots;

    HistoryWriter(DealHistoryImport deals, CommitHistoryImport commits, HistorySnapshots snapshots) {
        this.deals = deals;
        this.commits = commits;
        this.snapshots = snapshots;
    }

    /** What the history of one import created. */
    record Written(int stageEntries, int orders, int commits, int snapshots) {

        String describe() {
            List<String> parts = new ArrayList<>();
            if (stageEntries > 0) {
                parts.add(stageEntries + " stage history entries");
            }
            if (orders > 0) {
                parts.add(orders + (orders == 1 ? " order" : " orders"));
            }
            if (commits > 0) {
                parts.add(commits + " weekly commits");
            }
            if (snapshots > 0) {
                parts.add(snapshots + " weekly snapshots reconstructed");
            }
            return String.join(", ", parts);
        }
    }

    /**
     * @param dealIds  the ids of the deals just created, by their line in the opportunities file
     * @param dealRows those deals' rows, by line
     */
    Written write(HistoryRows history, Map<Integer, Long> dealIds, Map<Integer, DealRow> dealRows, String actorId, long jobId,
                  LocalDate today, IntConsumer rowDone) {
        String note = "Imported history (import " + jobId + ")";
        LocalDate earliest = null;
        for (Map.Entry<Integer, Long> deal : dealIds.entrySet()) {
            List<StageEntry> path = history.stages().getOrDefault(deal.getKey(), List.of());
            String lostFrom = history.lostFrom().get(deal.getKey());
            if (path.isEmpty() && lostFrom == null) {
                continue;
            }
            deals.replaceHistory(deal.getValue(), path.stream().map(e -> new DatedStage(e.stageCode(), e.enteredOn())).toList(),
                    lostFrom, actorId, note);
            path.forEach(e -> rowDone.accept(1));
            if (!path.isEmpty() && (earliest == null || path.get(0).enteredOn().isBefore(earliest))) {
                earliest = path.get(0).enteredOn();
            }
        }
        for (OrderRow order : history.orders()) {
            // a deal of this import's opportunities file, or a won deal imported before
            long dealId = order.storedDealId() != null ? order.storedDealId() : dealIds.get(order.dealLine());
            String currency = order.storedDealId() != null ? order.currency() : dealRows.get(order.dealLine()).currency();
            deals.recordOrder(dealId, order.amount(), currency, order.orderedOn(), order.invoicedOn(),
                    order.dueOn(), order.paidOn(), order.paidAmount(), actorId, note);
            rowDone.accept(1);
        }
        for (CommitRow commit : history.commits()) {
            commits.record(commit.repId(), commit.monday(), commit.commit(), commit.upside(), note);
            rowDone.accept(1);
        }
        int taken = earliest == null ? 0 : snapshots.rebuild(earliest, today, actorId);
        return new Written(history.stageEntries(), history.orders().size(), history.commits().size(), taken);
    }
}

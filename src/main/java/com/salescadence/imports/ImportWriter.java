package com.salescadence.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;

import com.salescadence.imports.ImportRows.AccountRef;
import com.salescadence.imports.ImportRows.AccountRow;
import com.salescadence.imports.ImportRows.ContactRow;
import com.salescadence.imports.ImportRows.DealRow;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.ContactService;
import com.salescadence.pipeline.ImportedDeal;
import com.salescadence.pipeline.process.DealImport;

/**
 * Stores validated rows through the pipeline's own services, accounts first: the caller runs it inside one
 * transaction, so a failure stores nothing.
 */
@Component
class ImportWriter {

    private final AccountService accounts;
    private final ContactService contacts;
    private final DealImport deals;
    private final HistoryWriter history;
    private final java.time.Clock clock;

    ImportWriter(AccountService accounts, ContactService contacts, DealImport deals, HistoryWriter history, java.time.Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.deals = deals;
        this.history = history;
        this.clock = clock;
    }

    /** What one import created; history what its history files created (issue 12), empty without them. */
    record Created(int accounts, int contacts, int opportunities, String history) {
    }

    Created write(ImportRows rows, String actorId, long jobId, IntConsumer progress) {
        Map<String, Long> newAccounts = new HashMap<>();
        int done = 0;
        for (AccountRow row : rows.accounts()) {
            long id = accounts.create(row.name(), row.tier(), row.industry(), row.ownerId()).id();
            newAccounts.put(AccountService.nameKey(row.name()), id);
            progress.accept(++done);
        }
        for (ContactRow row : rows.contacts()) {
            contacts.create(accountId(row.account(), newAccounts), row.name(), row.title(), row.email(), row.phone(), row.ownerId());
            progress.accept(++done);
        }
        String note = "Imported from CSV (import " + jobId + ")";
        Map<Integer, Long> dealIds = new HashMap<>();
        Map<Integer, DealRow> dealRows = new HashMap<>();
        for (DealRow row : rows.deals()) {
            dealRows.put(row.line(), row);
            dealIds.put(row.line(), deals.importDeal(new ImportedDeal(accountId(row.account(), newAccounts), row.ownerId(), row.name().trim(),
                    row.amount(), row.currency(), row.expectedCloseDate(), row.stageCode(), row.probability(),
                    row.closedOn(), row.lossReason(), row.createdOn()), actorId, note).id());
            progress.accept(++done);
        }
        int[] counted = {done};
        String written = rows.history().isEmpty() ? "" : history.write(rows.history(), dealIds, dealRows, actorId, jobId,
                java.time.LocalDate.now(clock), n -> progress.accept(counted[0] += n)).describe();
        return new Created(rows.accounts().size(), rows.contacts().size(), rows.deals().size(), written);
    }

    private static long accountId(AccountRef ref, Map<String, Long> newAccounts) {
        return ref.id() != null ? ref.id() : newAccounts.get(AccountService.nameKey(ref.name()));
    }
}

package com.salescadence.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;

import com.salescadence.imports.ImportRows.AccountRef;
import com.salescadence.imports.ImportRows.ContactRow;
import com.salescadence.imports.ImportRows.DealRow;
import com.salescadence.imports.ImportRows.PersonRow;
import com.salescadence.imports.ImportRows.QuotaRow;
import com.salescadence.organization.Person;
import com.salescadence.organization.QuotaService;
import com.salescadence.people.PeopleService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.ContactService;
import com.salescadence.pipeline.ImportedDeal;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.process.DealImport;

/**
 * Stores validated rows through the organization's and pipeline's own services, people and quotas first, then accounts: the caller runs it inside one
 * transaction, so a failure stores nothing.
 */
@Component
class ImportWriter {

    private final AccountService accounts;
    private final ContactService contacts;
    private final DealImport deals;
    private final PeopleService people;
    private final QuotaService quotas;
    private final HistoryWriter history;
    private final java.time.Clock clock;

    ImportWriter(AccountService accounts, ContactService contacts, DealImport deals, PeopleService people, QuotaService quotas,
                 HistoryWriter history, java.time.Clock clock) {
        this.people = people;
        this.quotas = quotas;
        this.accounts = accounts;
        this.contacts = contacts;
        this.deals = deals;
        this.history = history;
        this.clock = clock;
    }

    /** What one import created; history what its history files created (issue 12), empty without them. */
    record Created(int people, int quotas, int accounts, int contacts, int opportunities, String history) {
    }

    Created write(ImportRows rows, String actorId, long jobId, IntConsumer progress) {
        Map<String, Long> newAccounts = new HashMap<>();
        int done = 0;
        // people first, managers before their reports (each gets the mail with a link to set a password), then quotas
        for (PersonRow row : rows.people()) {
            people.add(new Person(row.login(), row.name(), row.email(), row.role(), row.managerId(), row.title()), row.language());
            progress.accept(++done);
        }
        for (QuotaRow row : rows.quotas()) {
            quotas.set(row.personId(), row.period(), row.quota(), row.stretch(), row.currency());
            progress.accept(++done);
        }
        // checked by the validator in this transaction: one batch for all accounts, one per chunk of deals
        List<Long> accountIds = accounts.createChecked(rows.accounts().stream()
                .map(row -> new AccountService.NewAccount(row.name(), row.tier(), row.industry(), row.ownerId())).toList());
        for (int i = 0; i < accountIds.size(); i++) {
            newAccounts.put(AccountService.nameKey(rows.accounts().get(i).name()), accountIds.get(i));
        }
        done += accountIds.size();
        progress.accept(done);
        for (ContactRow row : rows.contacts()) {
            contacts.create(accountId(row.account(), newAccounts), row.name(), row.title(), row.email(), row.phone(), row.ownerId());
            progress.accept(++done);
        }
        String note = "Imported from CSV (import " + jobId + ")";
        Map<Integer, Long> dealIds = new HashMap<>();
        Map<Integer, DealRow> dealRows = new HashMap<>();
        List<ImportedDeal> imported = new ArrayList<>(rows.deals().size());
        for (DealRow row : rows.deals()) {
            dealRows.put(row.line(), row);
            imported.add(new ImportedDeal(accountId(row.account(), newAccounts), row.ownerId(), row.name().trim(),
                    row.amount(), row.currency(), row.expectedCloseDate(), row.stageCode(), row.probability(),
                    row.closedOn(), row.lossReason(), row.createdOn(), row.ref()));
        }
        int before = done;
        List<Opportunity> stored = deals.importDeals(imported, actorId, note, n -> progress.accept(before + n));
        for (int i = 0; i < stored.size(); i++) {
            dealIds.put(rows.deals().get(i).line(), stored.get(i).id());
        }
        done += stored.size();
        int[] counted = {done};
        String written = rows.history().isEmpty() ? "" : history.write(rows.history(), dealIds, dealRows, actorId, jobId,
                java.time.LocalDate.now(clock), n -> progress.accept(counted[0] += n)).describe();
        return new Created(rows.people().size(), rows.quotas().size(), rows.accounts().size(), rows.contacts().size(),
                rows.deals().size(), written);
    }

    private static long accountId(AccountRef ref, Map<String, Long> newAccounts) {
        return ref.id() != null ? ref.id() : newAccounts.get(AccountService.nameKey(ref.name()));
    }
}

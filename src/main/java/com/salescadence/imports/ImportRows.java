package com.salescadence.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.salescadence.organization.Role;
import com.salescadence.pipeline.AccountTier;

/**
 * The rows of an import that passed validation, ready to be stored, and the problems found: the first ones
 * listed ({@code problems}), all of them counted ({@code problemCount}, in {@code badRows} rows).
 */
public record ImportRows(List<PersonRow> people, List<QuotaRow> quotas, List<AccountRow> accounts, List<ContactRow> contacts, List<DealRow> deals,
                         List<RowProblem> problems, int problemCount, int badRows, HistoryRows history) {

    public ImportRows {
        people = List.copyOf(people);
        quotas = List.copyOf(quotas);
        accounts = List.copyOf(accounts);
        contacts = List.copyOf(contacts);
        deals = List.copyOf(deals);
        problems = List.copyOf(problems);
        history = history == null ? HistoryRows.NONE : history;
    }

    public boolean clean() {
        return problemCount == 0;
    }

    /** Whether problems were found beyond those listed. */
    public boolean problemsLeftOut() {
        return problemCount > problems.size();
    }

    public int size() {
        return people.size() + quotas.size() + accounts.size() + contacts.size() + deals.size() + history.stageEntries()
                + history.orders().size() + history.commits().size();
    }

    /** A person to add; {@code managerId} names an active person or one of this import's people file. */
    public record PersonRow(int line, String login, String name, String email, Role role, String managerId, String title,
                            String language) {
    }

    /** A person's own quota and stretch of a quarter (it replaces one already set). */
    public record QuotaRow(int line, String personId, String period, BigDecimal quota, BigDecimal stretch, String currency) {
    }

    /** An account a contact or deal belongs to: one in the database (id) or one of this import's accounts file (name). */
    public record AccountRef(Long id, String name) {
    }

    public record AccountRow(int line, String name, AccountTier tier, String industry, String ownerId) {
    }

    public record ContactRow(int line, AccountRef account, String name, String title, String email, String phone,
                             String ownerId) {
    }

    public record DealRow(int line, AccountRef account, String name, String ownerId, BigDecimal amount, String currency,
                          LocalDate expectedCloseDate, String stageCode, Integer probability, LocalDate closedOn,
                          String lossReason, LocalDate createdOn, String ref) {
    }
}

package com.salescadence.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.salescadence.pipeline.AccountTier;

/** The rows of an import that passed validation, ready to be stored, and every problem found. */
public record ImportRows(List<AccountRow> accounts, List<ContactRow> contacts, List<DealRow> deals,
                         List<RowProblem> problems, HistoryRows history) {

    public ImportRows {
        accounts = List.copyOf(accounts);
        contacts = List.copyOf(contacts);
        deals = List.copyOf(deals);
        problems = List.copyOf(problems);
        history = history == null ? HistoryRows.NONE : history;
    }

    public ImportRows(List<AccountRow> accounts, List<ContactRow> contacts, List<DealRow> deals, List<RowProblem> problems) {
        this(accounts, contacts, deals, problems, HistoryRows.NONE);
    }

    public boolean clean() {
        return problems.isEmpty();
    }

    /** How many distinct rows had at least one problem. */
    public int badRows() {
        return (int) problems.stream().map(p -> p.kind() + ":" + p.line()).distinct().count();
    }

    public int size() {
        return accounts.size() + contacts.size() + deals.size() + history.stageEntries() + history.orders().size()
                + history.commits().size();
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
                          String lossReason, LocalDate createdOn) {
    }
}

package com.salescadence.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.salescadence.pipeline.AccountTier;

/**
 * The rows of an import that passed validation, ready to be stored, and the problems found: the first ones
 * listed ({@code problems}), all of them counted ({@code problemCount}, in {@code badRows} rows).
 */
public record ImportRows(List<AccountRow> accounts, List<ContactRow> contacts, List<DealRow> deals,
                         List<RowProblem> problems, int problemCount, int badRows) {

    public ImportRows {
        accounts = List.copyOf(accounts);
        contacts = List.copyOf(contacts);
        deals = List.copyOf(deals);
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problemCount == 0;
    }

    /** Whether problems were found beyond those listed. */
    public boolean problemsLeftOut() {
        return problemCount > problems.size();
    }

    public int size() {
        return accounts.size() + contacts.size() + deals.size();
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

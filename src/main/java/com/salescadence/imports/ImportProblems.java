package com.salescadence.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.salescadence.common.Checks;
import com.salescadence.common.Inputs;
import com.salescadence.common.ValidationException;

/**
 * The problems one import's validation finds: the first {@code max} listed, every one counted, and the rows
 * they are on (a hostile file has millions of problems; the answer stays small).
 */
final class ImportProblems {

    private final List<RowProblem> listed = new ArrayList<>();
    private final Set<String> badRows = new HashSet<>();
    private final int max;
    private int count;

    ImportProblems(int max) {
        this.max = max;
    }

    void add(Sheet sheet, int line, String column, String reason) {
        count++;
        badRows.add(sheet.reportedAs() + ":" + line);
        if (listed.size() < max) {
            listed.add(new RowProblem(sheet.reportedAs(), line, sheet.reportedColumn(column), reason));
        }
    }

    /** Adds what a {@link Checks} found for one column of a row; true when there was nothing. */
    boolean field(Sheet sheet, int line, String column, Checks checks) {
        try {
            checks.orThrow();
            return true;
        } catch (ValidationException e) {
            e.problems().forEach(p -> add(sheet, line, column, p));
            return false;
        }
    }

    /**
     * A date of a CSV cell (yyyy-MM-dd, in the years {@link Inputs#MIN_YEAR} to {@link Inputs#MAX_YEAR}); null and a
     * problem when it is none, null alone when it is empty and not required.
     */
    LocalDate date(Sheet sheet, int line, String column, String label, String text, boolean required) {
        if (text.isEmpty()) {
            if (required) {
                add(sheet, line, column, label + " is required.");
            }
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            add(sheet, line, column, label + " must be a date like 2026-12-31 (yyyy-MM-dd), got '" + text + "'.");
            return null;
        }
        if (date.getYear() < Inputs.MIN_YEAR || date.getYear() > Inputs.MAX_YEAR) {
            add(sheet, line, column, label + " must be between " + Inputs.MIN_YEAR + " and " + Inputs.MAX_YEAR + ", got " + text + ".");
            return null;
        }
        return date;
    }

    int count() {
        return count;
    }

    List<RowProblem> listed() {
        return listed;
    }

    int badRows() {
        return badRows.size();
    }
}

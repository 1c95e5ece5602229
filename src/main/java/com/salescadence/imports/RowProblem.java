package com.salescadence.imports;

/** A bad value: which file, the line of the CSV (the header is line 1), the column, and the reason in words. */
public record RowProblem(ImportKind kind, int line, String column, String reason) {

    /** The report line as a person reads it. */
    public String describe() {
        return kind.key() + " line " + line + (column == null ? "" : ", " + column) + ": " + reason;
    }
}

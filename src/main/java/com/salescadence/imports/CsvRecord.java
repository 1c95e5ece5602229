package com.salescadence.imports;

import java.util.List;

/** One record of a CSV file: the line it starts on (the header is line 1 unless blank lines precede it) and its fields. */
public record CsvRecord(int line, List<String> values) {

    public CsvRecord {
        values = List.copyOf(values);
    }

    /** Whether every field is empty or blank (a spreadsheet's trailing ",,,," rows). */
    boolean blank() {
        return values.stream().allMatch(String::isBlank);
    }
}

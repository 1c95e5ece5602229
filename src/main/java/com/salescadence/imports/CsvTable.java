package com.salescadence.imports;

import java.util.List;

/** A parsed CSV file: its header row and the data records below it (blank records left out). */
public record CsvTable(CsvRecord header, List<CsvRecord> rows) {

    public CsvTable {
        rows = List.copyOf(rows);
    }
}

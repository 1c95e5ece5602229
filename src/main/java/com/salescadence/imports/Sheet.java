package com.salescadence.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One CSV file of an import with its header matched to the documented columns of its kind. */
public final class Sheet {

    private final ImportKind kind;
    private final CsvTable table;
    private final int[] indexOf;   // by position in kind.columns(): the field index, or -1 when the file lacks the column
    /** The file a problem is reported against (a translated Salesforce file reports against the export's file). */
    private final ImportKind reportedAs;
    /** The columns of {@link #reportedAs} that a problem of a column of this sheet names; the column itself when absent. */
    private final java.util.Map<String, String> reportedColumns;

    private Sheet(ImportKind kind, CsvTable table, int[] indexOf, ImportKind reportedAs, java.util.Map<String, String> reportedColumns) {
        this.kind = kind;
        this.table = table;
        this.indexOf = indexOf;
        this.reportedAs = reportedAs;
        this.reportedColumns = java.util.Map.copyOf(reportedColumns);
    }

    /**
     * A sheet of {@code kind} made from another file (a Salesforce export's): its rows keep the lines of that file, and its
     * problems are reported against {@code reportedAs} with the column names {@code reportedColumns} gives.
     */
    static Sheet translated(ImportKind kind, List<CsvRecord> rows, ImportKind reportedAs, java.util.Map<String, String> reportedColumns) {
        List<String> header = kind.columns().stream().map(Column::name).toList();
        Sheet plain = of(kind, new CsvTable(new CsvRecord(1, header), rows));
        return new Sheet(kind, plain.table, plain.indexOf, reportedAs, reportedColumns);
    }

    ImportKind reportedAs() {
        return reportedAs;
    }

    String reportedColumn(String column) {
        return column == null ? null : reportedColumns.getOrDefault(column, column);
    }

    /** Matches the header; unknown, doubled or missing required columns refuse the file (400). */
    public static Sheet of(ImportKind kind, CsvTable table) {
        List<Column> columns = kind.columns();
        int[] indexOf = new int[columns.size()];
        java.util.Arrays.fill(indexOf, -1);
        List<String> problems = new ArrayList<>();
        List<String> header = table.header().values();
        for (int field = 0; field < header.size(); field++) {
            String cell = header.get(field);
            if (cell.isBlank()) {
                problems.add("The " + kind.key() + " file's header has no name in column " + (field + 1) + ".");
                continue;
            }
            int match = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).matches(cell)) {
                    match = c;
                    break;
                }
            }
            if (match < 0 && kind.salesforce()) {
                continue;   // an export has many more fields than the import reads
            }
            if (match < 0) {
                problems.add("Unknown column '" + cell.trim() + "' in the " + kind.key() + " file; its columns are: "
                        + describe(kind) + ".");
            } else if (indexOf[match] >= 0) {
                problems.add("Column '" + columns.get(match).name() + "' appears twice in the " + kind.key()
                        + " file's header (columns " + (indexOf[match] + 1) + " and " + (field + 1) + ").");
            } else {
                indexOf[match] = field;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).required() && indexOf[c] < 0) {
                missing.add(columns.get(c).name());
            }
        }
        if (!missing.isEmpty()) {
            problems.add("The " + kind.salesforceFile() + " file lacks the required column(s): " + String.join(", ", missing)
                    + ". Its first line must be the header: " + describe(kind) + ".");
        }
        if (!problems.isEmpty()) {
            throw new MalformedCsvException(problems);
        }
        return new Sheet(kind, table, indexOf, kind, java.util.Map.of());
    }

    static String describe(ImportKind kind) {
        return kind.columns().stream()
                .map(c -> c.name() + (c.required() ? "*" : "") + (c.chineseNames().isEmpty() ? "" : " (" + String.join("/", c.chineseNames()) + ")"))
                .collect(Collectors.joining(", "));
    }

    public ImportKind kind() {
        return kind;
    }

    public List<CsvRecord> rows() {
        return table.rows();
    }

    /** The trimmed value of a column in a row; empty when the file lacks the column. */
    public String value(CsvRecord row, String column) {
        List<Column> columns = kind.columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(column)) {
                return indexOf[c] < 0 ? "" : row.values().get(indexOf[c]).trim();
            }
        }
        throw new IllegalArgumentException("No column " + column + " in " + kind);
    }
}

package com.salescadence.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheets write it (RFC 4180): comma-separated, fields in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}); CRLF, LF or CR line ends; an optional UTF-8 byte order mark.
 * The text must be UTF-8. Records made only of empty fields (blank lines, {@code ,,,}) are skipped; the first
 * other record is the header, and every record below it must have as many fields as the header. Every
 * structural problem of the file is collected and refused together. Plain Java.
 */
public final class CsvParser {

    /** At most this many structural problems are listed; the rest are counted. */
    static final int MAX_LISTED = 50;

    private CsvParser() {
    }

    /**
     * What a file may hold, checked while it is read, so that a hostile file is refused before it costs memory:
     * fields per line, characters per field, lines.
     */
    public record Limits(int maxColumns, int maxCellChars, int maxRows) {
        public static final Limits DEFAULT = new Limits(50, 2000, 100_000);
    }

    public static CsvTable parse(byte[] bytes) {
        return parse(bytes, Limits.DEFAULT);
    }

    public static CsvTable parse(byte[] bytes, Limits limits) {
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<String> problems = new ArrayList<>();
        List<CsvRecord> records = records(text, limits, problems);
        if (!problems.isEmpty()) {
            throw new MalformedCsvException(problems);
        }
        List<CsvRecord> nonBlank = records.stream().filter(r -> !r.blank()).toList();
        if (nonBlank.isEmpty()) {
            throw new MalformedCsvException("The file is empty: its first line must be the header with the column names.");
        }
        CsvRecord header = nonBlank.get(0);
        List<CsvRecord> rows = nonBlank.subList(1, nonBlank.size());
        int wrong = 0;
        for (CsvRecord row : rows) {
            if (row.values().size() != header.values().size()) {
                if (++wrong <= MAX_LISTED) {
                    problems.add("Line " + row.line() + " has " + row.values().size() + " fields; the header has "
                            + header.values().size() + ".");
                }
            }
        }
        if (wrong > MAX_LISTED) {
            problems.add("... and " + (wrong - MAX_LISTED) + " more lines with the wrong number of fields.");
        }
        if (!problems.isEmpty()) {
            throw new MalformedCsvException(problems);
        }
        return new CsvTable(header, rows);
    }

    private static String decode(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer chars = utf8.decode(in);
            return chars.toString();
        } catch (MalformedInputException e) {
            throw new MalformedCsvException("The file is not UTF-8 text (byte " + (in.position() + 1)
                    + " is not valid UTF-8). Save it from the spreadsheet as \"CSV UTF-8\".");
        } catch (CharacterCodingException e) {
            throw new MalformedCsvException("The file is not UTF-8 text. Save it from the spreadsheet as \"CSV UTF-8\".");
        }
    }

    private static List<CsvRecord> records(String text, Limits limits, List<String> problems) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;       // inside a quoted field
        boolean afterQuote = false;   // a quoted field just closed: only a separator or a line end may follow
        boolean fieldStart = true;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                    if (field.length() > limits.maxCellChars()) {
                        problems.add(cellTooLong(recordLine, limits));
                        return records;
                    }
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                if (fields.size() >= limits.maxColumns()) {
                    problems.add("Line " + recordLine + " has more than " + limits.maxColumns() + " fields; a file of this "
                            + "import has at most " + limits.maxColumns() + " columns.");
                    return records;
                }
                field.setLength(0);
                afterQuote = false;
                fieldStart = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                records.add(new CsvRecord(recordLine, fields));
                if (records.size() > limits.maxRows()) {
                    problems.add("The file has more than " + limits.maxRows() + " lines: split it into smaller files.");
                    return records;
                }
                fields = new ArrayList<>();
                field.setLength(0);
                afterQuote = false;
                fieldStart = true;
                line++;
                recordLine = line;
            } else if (afterQuote) {
                if (!Character.isWhitespace(c)) {
                    problems.add("Line " + line + ": text after the closing quote of a field; a quote inside a quoted field is written twice (\"\").");
                    return records;
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else {
                field.append(c);
                fieldStart = false;
                if (field.length() > limits.maxCellChars()) {
                    problems.add(cellTooLong(recordLine, limits));
                    return records;
                }
            }
        }
        if (quoted) {
            problems.add("Line " + recordLine + ": a quoted field is never closed.");
            return records;
        }
        if (!fields.isEmpty() || field.length() > 0 || afterQuote) {
            fields.add(field.toString());
            records.add(new CsvRecord(recordLine, fields));
        }
        return records;
    }

    private static String cellTooLong(int line, Limits limits) {
        return "Line " + line + ": a field is longer than " + limits.maxCellChars() + " characters, more than any value "
                + "of this import holds.";
    }

    /** One CSV line (CRLF-terminated), fields quoted when they need it. */
    public static String line(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String value = values.get(i) == null ? "" : values.get(i);
            if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                out.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                out.append(value);
            }
        }
        return out.append("\r\n").toString();
    }
}

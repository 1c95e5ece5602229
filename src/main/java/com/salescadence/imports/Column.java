package com.salescadence.imports;

import java.util.List;
import java.util.Locale;

/**
 * A column an import reads: its English header name (snake_case; spaces and hyphens are read as
 * underscores, case does not matter), the Simplified Chinese names accepted too, whether a value is required.
 */
public record Column(String name, List<String> chineseNames, boolean required, String example, String exampleZh) {

    public Column {
        chineseNames = List.copyOf(chineseNames);
    }

    /** Whether a header cell names this column. */
    boolean matches(String headerCell) {
        String cell = normalize(headerCell);
        return cell.equals(normalize(name)) || chineseNames.stream().anyMatch(zh -> zh.equals(headerCell.trim()));
    }

    static String normalize(String headerCell) {
        return headerCell.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    public String chineseName() {
        return chineseNames.isEmpty() ? name : chineseNames.get(0);
    }
}

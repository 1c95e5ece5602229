package com.salescadence.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of a grid a person submitted (one row per rep, per account, per month), kept per row so a form
 * shows each one at its row: every text "中文 / English". Plain Java. {@link #orThrow()} refuses the whole grid
 * (nothing is stored) with a {@link RowValidationException} whose message names each row.
 */
public final class RowProblems {

    private final List<String> general = new ArrayList<>();
    private final Map<String, List<String>> rows = new LinkedHashMap<>();
    private final Map<String, String> rowNames = new LinkedHashMap<>();

    public static RowProblems start() {
        return new RowProblems();
    }

    /** A problem of the whole grid (the notes, a row that belongs to nobody shown). */
    public RowProblems general(String zh, String en) {
        general.add(zh + " / " + en);
        return this;
    }

    /** A problem of one row, found by its id; {@code rowName} is what the person reads for the row (a rep's name). */
    public RowProblems row(String rowId, String rowName, String zh, String en) {
        rows.computeIfAbsent(rowId, k -> new ArrayList<>()).add(zh + " / " + en);
        rowNames.put(rowId, rowName);
        return this;
    }

    /** A problem of one row whose texts name the row themselves ("“2027年1月”的金额…" / "The amount of Jan 2027 …"). */
    public RowProblems row(String rowId, String zh, String en) {
        rows.computeIfAbsent(rowId, k -> new ArrayList<>()).add(zh + " / " + en);
        rowNames.putIfAbsent(rowId, null);
        return this;
    }

    public boolean has(String rowId) {
        return rows.containsKey(rowId);
    }

    public boolean ok() {
        return general.isEmpty() && rows.isEmpty();
    }

    public List<String> general() {
        return List.copyOf(general);
    }

    public Map<String, List<String>> rows() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        rows.forEach((id, list) -> copy.put(id, List.copyOf(list)));
        return copy;
    }

    /** Every problem as one sentence a person reads without the grid: "Ren Rep: ..." (a row whose texts name it: as they are). */
    public List<String> sentences() {
        List<String> all = new ArrayList<>(general);
        rows.forEach((id, list) -> list.forEach(p -> all.add(rowNames.get(id) == null ? p : rowNames.get(id) + "：" + p)));
        return all;
    }

    public void orThrow() {
        if (!ok()) {
            throw new RowValidationException(this);
        }
    }
}

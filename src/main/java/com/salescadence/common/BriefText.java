package com.salescadence.common;

import java.util.Map;

/**
 * The read-only texts ("briefs") a task form shows, in Chinese and English as the forms' labels are: each line reads
 * "中文 / English: value", and a status or tier code reads "已驳回 / rejected" rather than REJECTED.
 */
public final class BriefText {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("OPEN", "未结 / open"), Map.entry("WON", "赢单 / won"), Map.entry("LOST", "丢单 / lost"),
            Map.entry("PENDING", "待审批 / pending"), Map.entry("APPROVED", "已批准 / approved"),
            Map.entry("REJECTED", "已驳回 / rejected"), Map.entry("OVERDUE", "逾期 / overdue"), Map.entry("PAID", "已付清 / paid"),
            Map.entry("KEY", "重点客户 / key account"), Map.entry("SECOND", "二级客户 / second tier"),
            Map.entry("OTHER", "其他客户 / other"), Map.entry("SUBMITTED", "已提交 / submitted"),
            Map.entry("RETURNED", "已退回 / returned"), Map.entry("DRAFT", "草稿 / draft"));

    private final StringBuilder text = new StringBuilder();

    public static BriefText start() {
        return new BriefText();
    }

    /** A line "中文 / English: value" ("-" for no value). */
    public BriefText line(String zh, String en, Object value) {
        return append(zh + " / " + en + ": " + (value == null ? "-" : value));
    }

    /** A line of its own, already in both languages or a value (a person's comment). */
    public BriefText append(String line) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(line);
        return this;
    }

    /** An empty line between parts. */
    public BriefText gap() {
        text.append('\n');
        return this;
    }

    /** A status or tier code in both languages; a code this class does not know stays as it is. */
    public static String code(Object code) {
        return code == null ? "-" : CODES.getOrDefault(code.toString(), code.toString());
    }

    @Override
    public String toString() {
        return text.toString();
    }
}

package com.salescadence.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem with a piece of input before refusing it, so a rep fixes the form once.
 * Plain Java: used by the services of every capability.
 */
public final class Checks {

    public static final int SHORT_TEXT = 200;
    public static final int LONG_TEXT = 2000;

    private final List<String> problems = new ArrayList<>();

    public static Checks start() {
        return new Checks();
    }

    public Checks require(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
        return this;
    }

    public Checks requiredText(String value, String label, int maxLength) {
        if (value == null || value.isBlank()) {
            problems.add(label + " is required.");
        } else {
            optionalText(value, label, maxLength);
        }
        return this;
    }

    /**
     * A name people read everywhere, also in exported CSV files: required, at most {@code maxLength} characters, no
     * control characters (NUL, line breaks), and not starting with = + - or @, which a spreadsheet runs as a formula
     * (CSV formula injection; exports prefix such values with ' as well, for data stored before this rule).
     */
    public Checks requiredName(String value, String label, int maxLength) {
        requiredText(value, label, maxLength);
        if (value != null && !value.isBlank()) {
            String trimmed = value.trim();
            if ("=+-@".indexOf(trimmed.charAt(0)) >= 0) {
                problems.add(label + " may not start with " + trimmed.charAt(0) + ": a spreadsheet would run it as a formula. / "
                        + label + " 不能以 " + trimmed.charAt(0) + " 开头（电子表格会把它当作公式执行）。");
            }
            if (trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                problems.add(label + " may not contain control characters (such as line breaks or NUL). / "
                        + label + " 不能包含控制字符（如换行或 NUL）。");
            }
        }
        return this;
    }

    /** The largest amount of money a figure may hold (10 trillion): far above any sales figure, far below what the columns store. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000000");

    /**
     * An amount of money a person enters: required, zero or more, at most two decimals (never rounded silently), at
     * most {@link #MAX_AMOUNT}.
     */
    public Checks money(BigDecimal value, String label) {
        if (value == null) {
            problems.add(label + " is required (0 when there is none).");
        } else if (value.signum() < 0) {
            problems.add(label + " must be zero or more, got " + value.toPlainString() + ".");
        } else if (value.compareTo(MAX_AMOUNT) > 0) {
            problems.add(label + " is too large: at most " + MAX_AMOUNT.toPlainString() + ", got " + value.toString() + ".");
        } else if (value.stripTrailingZeros().scale() > 2) {
            problems.add(label + " may have at most two decimals, got " + value.toPlainString() + ".");
        }
        return this;
    }

    public Checks optionalText(String value, String label, int maxLength) {
        if (value != null && value.length() > maxLength) {
            problems.add(label + " is too long: at most " + maxLength + " characters, got " + value.length() + ".");
        }
        if (hasNul(value)) {
            problems.add(label + " may not contain a NUL character."); // (ValidationTexts adds the Chinese)
        }
        return this;
    }

    /**
     * Whether a text holds a NUL character: no person types one, PostgreSQL cannot store it (H2 can), so free text
     * refuses it on every database alike. (Line breaks and tabs stay allowed in free text.)
     */
    public static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }


    public Checks positiveAmount(BigDecimal amount, String label) {
        if (amount == null) {
            problems.add(label + " is required.");
        } else if (amount.signum() <= 0) {
            problems.add(label + " must be greater than zero.");
        } else if (amount.scale() > 2) {
            problems.add(label + " may have at most two decimals.");
        } else if (amount.compareTo(new BigDecimal("1000000000000")) >= 0) {
            problems.add(label + " is unrealistically large.");
        }
        return this;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Adds the problems found so far to a caller's list (which gathers more than one kind of check). */
    public Checks problems(List<String> into) {
        into.addAll(problems);
        return this;
    }

    public void orThrow() {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}

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

    public Checks optionalText(String value, String label, int maxLength) {
        if (value != null && value.length() > maxLength) {
            problems.add(label + " is too long: at most " + maxLength + " characters, got " + value.length() + ".");
        }
        return this;
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

    public void orThrow() {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}

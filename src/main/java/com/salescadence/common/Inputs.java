package com.salescadence.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Turns loosely typed values (form fields arrive as strings, numbers or dates) into typed ones,
 * refusing what a person would call nonsense with a message that names the field.
 */
public final class Inputs {

    private Inputs() {
    }

    public static BigDecimal amount(Object value, String label) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof BigDecimal b) {
            return b;
        }
        try {
            // a Double NaN or Infinity (a variable typed Double) is no number either
            return value instanceof Number n ? new BigDecimal(n.toString())
                    : new BigDecimal(value.toString().trim().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new ValidationException(label + " must be a number, got '" + value + "'.");
        }
    }

    public static Integer percent(Object value, String label) {
        BigDecimal number = amount(value, label);
        if (number == null) {
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            throw new ValidationException(label + " must be a whole percentage, got " + number.toPlainString() + ".");
        }
        if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new ValidationException(label + " must be between 0 and 100, got " + number.toPlainString() + ".");
        }
        return number.intValueExact();
    }

    public static LocalDate date(Object value, String label) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate();
        }
        String text = value.toString().trim();
        LocalDate date;
        try {
            // a date, or a form's date-time whose time is a real time (2027-01-31T25:99 is no date)
            date = text.length() <= 10 ? LocalDate.parse(text) : parseDateTime(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException(label + " must be a date like 2026-12-31, got '" + value + "'.");
        }
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw new ValidationException(label + " must be between " + MIN_YEAR + " and " + MAX_YEAR + ", got " + text + ".");
        }
        return date;
    }

    /** The years a date of this product (a deal, a payment, a cycle) can fall in; outside them it is a typo. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;

    private static LocalDate parseDateTime(String text) {
        try {
            return java.time.LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(text).toLocalDate();
        }
    }

    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    public static boolean flag(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && Boolean.parseBoolean(value.toString().trim());
    }
}

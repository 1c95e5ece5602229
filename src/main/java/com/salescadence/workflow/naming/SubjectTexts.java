package com.salescadence.workflow.naming;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.salescadence.workflow.naming.TaskSubject.Text;

/** How the parts of a task name read: a deal, an amount, a week, month, quarter or year. */
public final class SubjectTexts {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private SubjectTexts() {
    }

    /** "Xinhua Bookstores – Warehouse automation, 449,000"; the currency is named when it is not the usual one. */
    public static String deal(String account, String name, BigDecimal amount, String currency, String usualCurrency) {
        StringBuilder text = new StringBuilder();
        if (account != null && !account.isBlank()) {
            text.append(account.strip()).append(" – ");
        }
        text.append(name == null ? "" : name.strip());
        if (amount != null) {
            text.append(", ").append(amount(amount));
            if (currency != null && !currency.equalsIgnoreCase(usualCurrency)) {
                text.append(' ').append(currency);
            }
        }
        return text.toString();
    }

    /** 449000.00 reads "449,000"; 1234.5 reads "1,234.50". */
    public static String amount(BigDecimal amount) {
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(whole ? amount.setScale(0, RoundingMode.UNNECESSARY) : amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** A cycle key as people read it: 2026-W49, 2026-12, 2026-Q1 or 2026; any other key as it is. */
    public static Text period(String cycleKey) {
        if (cycleKey == null) {
            return null;
        }
        Matcher m;
        if ((m = WEEK.matcher(cycleKey)).matches()) {
            int week = Integer.parseInt(m.group(2));
            return new Text("week " + week + " of " + m.group(1), m.group(1) + "年第" + week + "周");
        }
        if ((m = QUARTER.matcher(cycleKey)).matches()) {
            return new Text("Q" + m.group(2) + " " + m.group(1), m.group(1) + "年第" + m.group(2) + "季度");
        }
        if ((m = MONTH.matcher(cycleKey)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return new Text(Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.group(1),
                        m.group(1) + "年" + month + "月");
            }
        }
        if (YEAR.matcher(cycleKey).matches()) {
            return year(Integer.parseInt(cycleKey));
        }
        return Text.same(cycleKey);
    }

    public static Text year(int year) {
        return new Text(String.valueOf(year), year + "年");
    }
}

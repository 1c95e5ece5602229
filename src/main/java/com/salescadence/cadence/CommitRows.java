package com.salescadence.cadence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.salescadence.common.Inputs;
import com.salescadence.common.ValidationException;

/**
 * Reads the rows of the weekly commit (the grid's decisions, or the API's items) into commit items: category commit,
 * upside, pipeline or omit ("none", the API's older word for not this week, is dropped); an amount (empty: the whole
 * deal); the five reliability checks, which count only for a row in commit; and an optional new close date per deal.
 */
public final class CommitRows {

    private CommitRows() {
    }

    public static List<CommitItemInput> parse(List<Map<String, Object>> rows) {
        List<CommitItemInput> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int line = 0;
        for (Map<String, Object> row : rows) {
            line++;
            String category = Inputs.text(row.get("category"));
            if (category == null || "none".equalsIgnoreCase(category)) {
                continue;
            }
            CommitCategory parsed;
            try {
                parsed = CommitCategory.valueOf(category.toUpperCase());
            } catch (IllegalArgumentException e) {
                problems.add("第 " + line + " 行：类别必须是 commit、upside、pipeline 或 omit，而不是“" + category + "”。 / Row " + line
                        + ": category must be commit, upside, pipeline or omit (or none), not '" + category + "'.");
                continue;
            }
            try {
                Long id = dealId(row, line);
                boolean checked = parsed == CommitCategory.COMMIT; // the checks are asked only of a deal in commit
                items.add(new CommitItemInput(id,
                        Inputs.amount(row.get("amount"), "Row " + line + ": amount"), parsed,
                        checked && Inputs.flag(row.get("configurationFinal")), checked && Inputs.flag(row.get("endUserContractSigned")),
                        checked && Inputs.flag(row.get("partnerContractsSigned")), checked && Inputs.flag(row.get("discountApproved")),
                        checked && Inputs.flag(row.get("partnerReadyToOrder"))));
            } catch (ValidationException | ArithmeticException e) {
                problems.add(e.getMessage() == null ? "Row " + line + ": deal id must be a whole number." : e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return items;
    }

    /** The close dates the rows set (field closeDate, optional), by deal id; a row without one changes nothing. */
    public static Map<Long, LocalDate> closeDates(List<Map<String, Object>> rows) {
        Map<Long, LocalDate> dates = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int line = 0;
        for (Map<String, Object> row : rows) {
            line++;
            try {
                LocalDate date = Inputs.date(row.get("closeDate"), "Row " + line + ": close date");
                Long id = date == null ? null : dealId(row, line);
                if (id != null) {
                    dates.put(id, date);
                }
            } catch (ValidationException | ArithmeticException e) {
                problems.add(e.getMessage() == null ? "Row " + line + ": deal id must be a whole number." : e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return dates;
    }

    private static Long dealId(Map<String, Object> row, int line) {
        java.math.BigDecimal id = Inputs.amount(row.get("opportunityId"), "Row " + line + ": deal id");
        return id == null ? null : id.longValueExact();
    }
}

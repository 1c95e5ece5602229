package com.salescadence.cadence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.salescadence.common.Inputs;
import com.salescadence.common.ValidationException;

/** Reads the rows of the weekly commit form (or API) into commit items; "not this week" rows are dropped. */
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
                problems.add("Row " + line + ": category must be commit, upside or none, not '" + category + "'.");
                continue;
            }
            try {
                java.math.BigDecimal id = Inputs.amount(row.get("opportunityId"), "Row " + line + ": deal id");
                items.add(new CommitItemInput(id == null ? null : id.longValueExact(),
                        Inputs.amount(row.get("amount"), "Row " + line + ": amount"), parsed,
                        Inputs.flag(row.get("configurationFinal")), Inputs.flag(row.get("endUserContractSigned")),
                        Inputs.flag(row.get("partnerContractsSigned")), Inputs.flag(row.get("discountApproved")),
                        Inputs.flag(row.get("partnerReadyToOrder"))));
            } catch (ValidationException | ArithmeticException e) {
                problems.add(e.getMessage() == null ? "Row " + line + ": deal id must be a whole number." : e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return items;
    }
}

package com.salescadence.cadence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly commit as the Tasklist form asks for it: the rep's open deals as options, one checklist of
 * committed deals, one of upside deals, and one checklist per reliability check. Converts the prefill
 * into those variables and the submitted checklists back into commit rows ({@link CommitRows}); a
 * checked deal counts with its full amount.
 */
public final class CommitChoices {

    public static final String DEAL_OPTIONS = "dealOptions";
    public static final String DEAL_ROWS = "dealRows";
    public static final String COMMIT_DEALS = "commitDeals";
    public static final String UPSIDE_DEALS = "upsideDeals";
    /** The five reliability checks of a commit item (docs/domain.md section 2.1), as the form's checklist keys. */
    public static final List<String> CHECKS = List.of("configurationFinal", "endUserContractSigned", "partnerContractsSigned",
            "discountApproved", "partnerReadyToOrder");

    private CommitChoices() {
    }

    /** The form's variables from the prefill rows of {@link WeeklyCommitService#prefill}. */
    public static Map<String, Object> formVariables(List<Map<String, Object>> prefill) {
        List<Map<String, String>> options = new ArrayList<>();
        List<Map<String, String>> table = new ArrayList<>();
        List<String> commit = new ArrayList<>();
        List<String> upside = new ArrayList<>();
        for (Map<String, Object> deal : prefill) {
            String id = String.valueOf(deal.get("opportunityId"));
            String amount = String.valueOf(deal.get("amount"));
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", deal.get("name") + " (" + deal.get("stage") + ", " + deal.get("probability") + "%, closes "
                    + deal.get("closes") + "): " + amount);
            option.put("value", id);
            options.add(option);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", String.valueOf(deal.get("name")));
            row.put("stage", String.valueOf(deal.get("stage")));
            row.put("probability", deal.get("probability") + "%");
            row.put("closes", String.valueOf(deal.get("closes")));
            row.put("amount", amount);
            row.put("proposed", String.valueOf(deal.get("category")));
            table.add(row);
            if ("commit".equals(deal.get("category"))) {
                commit.add(id);
            } else if ("upside".equals(deal.get("category"))) {
                upside.add(id);
            }
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(DEAL_OPTIONS, options);
        variables.put(DEAL_ROWS, table);
        variables.put(COMMIT_DEALS, commit);
        variables.put(UPSIDE_DEALS, upside);
        return variables;
    }

    /** Commit rows from the checklists: committed deals first, then upside; a deal in both is listed twice (and refused). */
    public static List<Map<String, Object>> rows(List<String> commitDeals, List<String> upsideDeals, Map<String, List<String>> checks) {
        List<Map<String, Object>> rows = new ArrayList<>();
        commitDeals.forEach(id -> rows.add(row(id, "commit", checks)));
        upsideDeals.forEach(id -> rows.add(row(id, "upside", checks)));
        return rows;
    }

    private static Map<String, Object> row(String id, String category, Map<String, List<String>> checks) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("opportunityId", id);
        row.put("category", category);
        for (String check : CHECKS) {
            row.put(check, checks.getOrDefault(check, List.of()).contains(id));
        }
        return row;
    }
}

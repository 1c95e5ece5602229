package com.salescadence.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommitChoicesTest {

    @Test
    void the_prefill_becomes_deal_options_and_the_proposed_commit_and_upside_lists() {
        Map<String, Object> form = CommitChoices.formVariables(List.of(deal(11, "commit"), deal(12, "upside"), deal(13, "none")));
        assertThat((List<?>) form.get(CommitChoices.DEAL_OPTIONS)).hasSize(3);
        assertThat(form.get(CommitChoices.COMMIT_DEALS)).isEqualTo(List.of("11"));
        assertThat(form.get(CommitChoices.UPSIDE_DEALS)).isEqualTo(List.of("12"));
        @SuppressWarnings("unchecked")
        List<Map<String, String>> options = (List<Map<String, String>>) form.get(CommitChoices.DEAL_OPTIONS);
        assertThat(options.get(0)).containsEntry("value", "11").containsEntry("label", "Deal 11 (AGREEMENT, 75%, closes 2026-12-03): 80000.00");
    }

    @Test
    void checklists_become_commit_rows_with_their_reliability_checks() {
        List<Map<String, Object>> rows = CommitChoices.rows(List.of("11"), List.of("12"),
                Map.of("configurationFinal", List.of("11", "12"), "discountApproved", List.of("11")));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("opportunityId", "11").containsEntry("category", "commit")
                .containsEntry("configurationFinal", true).containsEntry("discountApproved", true).containsEntry("partnerReadyToOrder", false);
        assertThat(rows.get(1)).containsEntry("category", "upside").containsEntry("discountApproved", false);
        List<CommitItemInput> items = CommitRows.parse(rows);
        assertThat(items.get(0).amount()).as("a checked deal counts in full: the service takes the deal's amount").isNull();
        assertThat(items.get(0).opportunityId()).isEqualTo(11L);
    }

    @Test
    void a_deal_checked_as_commit_and_upside_is_listed_twice() {
        assertThat(CommitChoices.rows(List.of("11"), List.of("11"), Map.of())).extracting(r -> r.get("opportunityId"))
                .containsExactly("11", "11");
    }

    private static Map<String, Object> deal(long id, String category) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("opportunityId", id);
        row.put("name", "Deal " + id);
        row.put("stage", "AGREEMENT");
        row.put("probability", 75);
        row.put("closes", "2026-12-03");
        row.put("amount", new BigDecimal("80000.00"));
        row.put("category", category);
        return row;
    }
}

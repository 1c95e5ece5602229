package com.salescadence.cadence.accountplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlanContentTest {

    static PlanContent complete() {
        return new PlanContent("Grow the account", "Cross-sell services", "Competitor X", "Retailer, 2000 stores", "Share +5%",
                "Team of four, quarterly QBR", amounts("1000000", "1200000", "1400000", "1600000", "1800000"), null);
    }

    static List<BigDecimal> amounts(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
    }

    @Test
    void a_complete_plan_has_no_problems() {
        assertThat(complete().problems()).isEmpty();
    }

    @Test
    void every_missing_required_section_is_named() {
        PlanContent plan = new PlanContent(" ", null, "Risks", null, "Goals", "Actions", complete().forecast(), null);

        assertThat(plan.problems()).containsExactly("Executive summary is required.", "Strategic options is required.",
                "Customer overview and analysis is required.");
    }

    @Test
    void the_appendix_is_optional() {
        PlanContent c = complete();
        PlanContent withAppendix = new PlanContent(c.executiveSummary(), c.strategicOptions(), c.businessRisks(), c.customerAnalysis(),
                c.goalsObjectives(), c.actionsResources(), c.forecast(), "Org chart attached");

        assertThat(withAppendix.problems()).isEmpty();
    }

    @Test
    void a_negative_forecast_amount_is_refused() {
        PlanContent c = complete();
        PlanContent plan = new PlanContent(c.executiveSummary(), c.strategicOptions(), c.businessRisks(), c.customerAnalysis(),
                c.goalsObjectives(), c.actionsResources(), amounts("100", "-5", "0", "100.5", "100.123"), null);

        assertThat(plan.problems()).containsExactly("Forecast year 2 may not be negative, got -5.",
                "Forecast year 5 may have at most two decimals.");
    }

    @Test
    void the_forecast_needs_exactly_five_yearly_amounts() {
        PlanContent c = complete();
        PlanContent four = new PlanContent(c.executiveSummary(), c.strategicOptions(), c.businessRisks(), c.customerAnalysis(),
                c.goalsObjectives(), c.actionsResources(), amounts("1", "2", "3", "4"), null);
        PlanContent gap = new PlanContent(c.executiveSummary(), c.strategicOptions(), c.businessRisks(), c.customerAnalysis(),
                c.goalsObjectives(), c.actionsResources(), amounts("1", null, "3", "4", "5"), null);

        assertThat(four.problems()).containsExactly("The financial forecast needs 5 yearly amounts, got 4.");
        assertThat(gap.problems()).containsExactly("Forecast year 2 is required.");
    }

    @Test
    void a_draft_may_be_incomplete_but_not_wrong() {
        PlanContent draft = new PlanContent("Started", null, null, null, null, null, amounts("100", null, "-1"), null);

        assertThat(draft.draftProblems()).containsExactly("Forecast year 3 may not be negative, got -1.");
        assertThat(draft.problems()).hasSize(8);
    }

    @Test
    void an_overlong_section_is_refused() {
        PlanContent c = complete();
        PlanContent plan = new PlanContent("x".repeat(PlanContent.SECTION_MAX + 1), c.strategicOptions(), c.businessRisks(),
                c.customerAnalysis(), c.goalsObjectives(), c.actionsResources(), c.forecast(), null);

        assertThat(plan.problems()).singleElement().asString().startsWith("Executive summary is too long");
    }
}

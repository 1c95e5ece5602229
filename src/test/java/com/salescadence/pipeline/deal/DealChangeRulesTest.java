package com.salescadence.pipeline.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.salescadence.common.ValidationException;
import com.salescadence.pipeline.OpportunityStatus;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageKind;

class DealChangeRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    static final Stage VALIDATE = new Stage("VALIDATE", "Validate", 25, 40, StageKind.OPEN, List.of(), "确认");
    static final DealTerms OPEN = new DealTerms(new BigDecimal("449000.00"), LocalDate.of(2026, 12, 20), 25, null,
            OpportunityStatus.OPEN);

    static List<FieldChange> edit(DealEdit edit) {
        return DealChangeRules.changes(OPEN, VALIDATE, edit, TODAY);
    }

    static List<String> refusal(DealTerms terms, DealEdit edit) {
        try {
            DealChangeRules.changes(terms, VALIDATE, edit, TODAY);
        } catch (ValidationException e) {
            return e.problems();
        }
        throw new AssertionError("the edit was not refused");
    }

    @Test
    void an_edit_lists_each_changed_field_with_its_old_and_new_value() {
        assertThat(edit(new DealEdit(new BigDecimal("500000"), LocalDate.of(2027, 1, 15), 40, "  Demo on Monday ")))
                .containsExactly(new FieldChange(DealField.AMOUNT, "449000.00", "500000.00"),
                        new FieldChange(DealField.CLOSE_DATE, "2026-12-20", "2027-01-15"),
                        new FieldChange(DealField.PROBABILITY, "25", "40"),
                        new FieldChange(DealField.NEXT_STEP, null, "Demo on Monday"));
    }

    @Test
    void a_value_the_deal_already_has_is_no_change_and_today_is_a_valid_close_date() {
        assertThat(edit(new DealEdit(new BigDecimal("449000"), LocalDate.of(2026, 12, 20), 25, ""))).isEmpty();
        assertThat(edit(DealEdit.closeDate(TODAY))).containsExactly(new FieldChange(DealField.CLOSE_DATE, "2026-12-20", "2026-12-05"));
    }

    @Test
    void an_empty_next_step_clears_the_one_written() {
        DealTerms withStep = new DealTerms(OPEN.amount(), OPEN.closeDate(), 25, "Call the CFO", OpportunityStatus.OPEN);
        assertThat(DealChangeRules.changes(withStep, VALIDATE, new DealEdit(null, null, null, " "), TODAY))
                .containsExactly(new FieldChange(DealField.NEXT_STEP, "Call the CFO", null));
    }

    @Test
    void a_close_date_in_the_past_is_refused_in_chinese_and_english() {
        assertThat(refusal(OPEN, DealEdit.closeDate(TODAY.minusDays(1)))).containsExactly(
                "预计成交日期 2026-12-04 已经过去：请选择今天（2026-12-05）或以后的日期。 / "
                        + "Expected close date 2026-12-04 is in the past: choose today (2026-12-05) or later.");
        assertThat(refusal(OPEN, DealEdit.closeDate(LocalDate.of(2200, 1, 1)))).singleElement().asString().contains("2199-12-31");
    }

    @Test
    void an_amount_of_zero_or_less_too_many_decimals_or_absurd_size_is_refused() {
        assertThat(refusal(OPEN, DealEdit.amount(BigDecimal.ZERO))).containsExactly(
                "金额必须大于零，而不是 0。 / Amount must be greater than zero, got 0.");
        assertThat(refusal(OPEN, DealEdit.amount(new BigDecimal("-5")))).singleElement().asString().contains("greater than zero");
        assertThat(refusal(OPEN, DealEdit.amount(new BigDecimal("1.005")))).singleElement().asString().contains("two decimals");
        assertThat(refusal(OPEN, DealEdit.amount(new BigDecimal("1000000000000")))).singleElement().asString().contains("unrealistically");
    }

    @Test
    void probability_is_bound_to_the_stage_cap_and_named_in_both_languages() {
        assertThat(edit(new DealEdit(null, null, 40, null))).containsExactly(new FieldChange(DealField.PROBABILITY, "25", "40"));
        assertThat(refusal(OPEN, new DealEdit(null, null, 41, null))).containsExactly(
                "处于“确认”阶段的商机最多只能申报 40% 的赢率；您填写了 41%。 / A deal in Validate may claim at most 40% probability; you entered 41%.");
        assertThat(refusal(OPEN, new DealEdit(null, null, -1, null))).singleElement().asString().contains("negative");
    }

    @Test
    void every_problem_is_reported_at_once() {
        assertThat(refusal(OPEN, new DealEdit(BigDecimal.ZERO, TODAY.minusDays(3), 90, "a\nb"))).hasSize(4);
    }

    @Test
    void a_next_step_longer_than_500_characters_is_refused() {
        assertThat(refusal(OPEN, new DealEdit(null, null, null, "x".repeat(501)))).singleElement().asString().contains("at most 500");
        assertThat(edit(new DealEdit(null, null, null, "x".repeat(500)))).hasSize(1);
    }

    @Test
    void a_closed_deal_and_an_empty_edit_are_refused() {
        DealTerms won = new DealTerms(OPEN.amount(), OPEN.closeDate(), 100, null, OpportunityStatus.WON);
        assertThat(refusal(won, DealEdit.amount(BigDecimal.TEN))).containsExactly("该商机已赢单，不能再修改。 / The deal is already won; it can no longer be edited.");
        assertThat(refusal(OPEN, new DealEdit(null, null, null, null))).singleElement().asString().contains("at least one");
        assertThatThrownBy(() -> DealChangeRules.changes(OPEN, VALIDATE, null, TODAY)).isInstanceOf(ValidationException.class);
    }
}

package com.salescadence.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.salescadence.common.ValidationTexts;

class AdjustmentRefusalTest {

    @Test
    void a_refused_line_names_its_person_in_both_languages_with_every_problem() {
        List<String> problems = List.of(ValidationTexts.bilingual("A reason for the adjustment is required."),
                ValidationTexts.bilingual("Adjusted commit may have at most two decimals, got 1.005."));
        assertThat(AdjustmentRefusal.of("王伟", problems)).isEqualTo("王伟：调整原因为必填项。 调整后的承诺最多只能有两位小数，而不是 1.005。"
                + " / 王伟: A reason for the adjustment is required. Adjusted commit may have at most two decimals, got 1.005.");
    }

    @Test
    void a_problem_without_a_chinese_text_stays_english_on_both_sides() {
        assertThat(AdjustmentRefusal.of("Ava Wang", List.of("Something new."))).isEqualTo("Ava Wang：Something new. / Ava Wang: Something new.");
    }
}

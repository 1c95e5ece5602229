package com.salescadence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class InputsTest {

    @Test
    void amounts_arrive_as_text_or_numbers() {
        assertThat(Inputs.amount("1,250,000.50", "Amount")).isEqualByComparingTo("1250000.50");
        assertThat(Inputs.amount(42L, "Amount")).isEqualByComparingTo("42");
        assertThat(Inputs.amount(" ", "Amount")).isNull();
    }

    @Test
    void a_non_numeric_amount_is_refused_with_the_field_name() {
        assertThatThrownBy(() -> Inputs.amount("lots", "Amount")).isInstanceOf(ValidationException.class)
                .hasMessage("金额必须是数字，而不是“lots”。 / Amount must be a number, got 'lots'.");
        // issue 18 item 13: a Double variable NaN or Infinity was a NumberFormatException (500)
        for (Object notANumber : new Object[] {Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, "NaN", "Infinity"}) {
            assertThatThrownBy(() -> Inputs.amount(notANumber, "Amount")).as(String.valueOf(notANumber))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("Amount must be a number");
        }
    }

    @Test
    void percentages_are_whole_numbers_from_0_to_100() {
        assertThat(Inputs.percent("25", "P")).isEqualTo(25);
        assertThatThrownBy(() -> Inputs.percent("101", "P")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Inputs.percent("12.5", "P")).isInstanceOf(ValidationException.class);
    }

    @Test
    void dates_accept_iso_dates_and_form_datetimes() {
        assertThat(Inputs.date("2026-12-31", "D")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Inputs.date("2026-12-31T00:00:00", "D")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> Inputs.date("31.12.2026", "Close date")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Close date must be a date like 2026-12-31");
    }

    @Test
    void checks_collect_every_problem() {
        Checks checks = Checks.start()
                .requiredText("", "Name", 10)
                .optionalText("x".repeat(11), "Note", 10)
                .positiveAmount(new BigDecimal("-5"), "Amount");
        assertThatThrownBy(checks::orThrow).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).hasSize(3));
    }

    @Test
    void free_text_with_a_nul_character_is_refused_on_every_database_alike() {
        assertThatThrownBy(() -> Checks.start().optionalText("a\u0000b", "Note", 100).orThrow()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Note may not contain a NUL character.");
        Checks.start().optionalText("line one\nline two\ttab", "Note", 100).orThrow(); // line breaks and tabs stay allowed
    }

    @Test
    void a_date_with_an_impossible_time_or_a_year_no_deal_has_is_refused() {
        for (String bad : java.util.List.of("2027-01-31T25:99", "2027-01-31Tnonsense", "2027-01-31 garbage", "-999999999-01-01",
                "9999-12-31", "1066-10-14")) {
            assertThatThrownBy(() -> Inputs.date(bad, "Close date")).as(bad).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("Close date");
        }
        assertThat(Inputs.date("2026-12-31T23:59:59.000Z", "D")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Inputs.date("2026-12-31T08:00:00+08:00", "D")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Inputs.date("1999-01-01", "D")).isEqualTo(LocalDate.of(1999, 1, 1));
    }
}

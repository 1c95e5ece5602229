package com.salescadence.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.salescadence.common.ValidationException;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityStatus;

/** The weekly cycle's plain rules: escalation, cycle keys, deadlines, prefill, parsing of the form rows. */
class CadenceRulesTest {

    private TimeZone before;

    @BeforeEach
    void shanghai() {
        before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(before);
    }

    @Test
    void a_first_miss_goes_to_the_manager_a_second_one_level_further_up() {
        assertThat(EscalationRule.escalateTo(List.of("flm", "rl", "gl"), false)).containsExactly("flm");
        assertThat(EscalationRule.escalateTo(List.of("flm", "rl", "gl"), true)).containsExactly("flm", "rl");
        assertThat(EscalationRule.escalateTo(List.of("flm"), true)).containsExactly("flm");
        assertThat(EscalationRule.escalateTo(List.of(), true)).isEmpty();
    }

    @Test
    void a_sunday_cycle_commits_for_the_week_from_the_next_monday() {
        LocalDate monday = CycleKeys.weekCommittedFrom(LocalDate.of(2026, 11, 29));
        assertThat(monday).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(CycleKeys.weekKey(monday)).isEqualTo("2026-W49");
        assertThat(CycleKeys.weekCommittedFrom(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(CycleKeys.weekKey(LocalDate.of(2026, 12, 28))).isEqualTo("2026-W53");
        assertThat(CycleKeys.weekKey(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
    }

    @Test
    void deadlines_are_offsets_from_the_cycle_start_one_day_per_level() {
        CycleClock clock = new CycleClock();
        Date sunday = date(LocalDateTime.of(2026, 11, 29, 8, 0));
        assertThat(local(clock.at(sunday, "PT12H"))).isEqualTo(LocalDateTime.of(2026, 11, 29, 20, 0));
        assertThat(local(clock.at(sunday, "PT24H"))).isEqualTo(LocalDateTime.of(2026, 11, 30, 8, 0));
        assertThat(local(clock.at(sunday, "PT25H", "P1D", 0))).isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 0));
        assertThat(local(clock.at(sunday, "PT25H", "P1D", 3))).isEqualTo(LocalDateTime.of(2026, 12, 3, 9, 0)); // Thursday
        assertThat(local(clock.at(sunday, "P1DT1H"))).isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 0));
    }

    @Test
    void a_day_stays_a_day_across_daylight_saving() {
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        CycleClock clock = new CycleClock();
        Date saturday = date(LocalDateTime.of(2026, 10, 24, 9, 0)); // clocks go back on Sunday 25 October
        assertThat(local(clock.at(saturday, "PT0S", "P1D", 2))).isEqualTo(LocalDateTime.of(2026, 10, 26, 9, 0));
    }

    @Test
    void the_form_is_prefilled_commit_for_late_stage_deals_closing_this_week_upside_within_the_month() {
        LocalDate weekEnd = LocalDate.of(2026, 12, 6);
        LocalDate monthEnd = LocalDate.of(2026, 12, 31);
        assertThat(CommitPrefill.proposedCategory(deal(75, LocalDate.of(2026, 12, 4)), weekEnd, monthEnd)).isEqualTo("commit");
        assertThat(CommitPrefill.proposedCategory(deal(75, LocalDate.of(2026, 12, 20)), weekEnd, monthEnd)).isEqualTo("upside");
        assertThat(CommitPrefill.proposedCategory(deal(50, LocalDate.of(2026, 12, 4)), weekEnd, monthEnd)).isEqualTo("upside");
        assertThat(CommitPrefill.proposedCategory(deal(25, LocalDate.of(2026, 12, 4)), weekEnd, monthEnd)).isEqualTo("none");
        assertThat(CommitPrefill.proposedCategory(deal(90, LocalDate.of(2027, 1, 4)), weekEnd, monthEnd)).isEqualTo("none");
    }

    @Test
    void form_rows_become_commit_items_and_not_this_week_rows_are_dropped() {
        List<CommitItemInput> items = CommitRows.parse(List.of(row(7, "120000", "commit"), row(8, "30000", "none"), row(9, "5000", "Upside")));
        assertThat(items).extracting(CommitItemInput::opportunityId).containsExactly(7L, 9L);
        assertThat(items).extracting(CommitItemInput::category).containsExactly(CommitCategory.COMMIT, CommitCategory.UPSIDE);
        assertThat(items.get(0).checksMet()).isEqualTo(5);
        assertThat(items.get(1).checksMet()).as("the checks are kept for a commit row only").isZero();
    }

    @Test
    void the_grids_pipeline_and_omit_rows_are_kept_as_decisions_and_close_dates_are_read_per_deal() {
        Map<String, Object> moved = row(8, null, "pipeline");
        moved.put("closeDate", "2027-02-01");
        List<Map<String, Object>> rows = List.of(row(7, "120000", "commit"), moved, row(9, null, "OMIT"));
        assertThat(CommitRows.parse(rows)).extracting(CommitItemInput::category)
                .containsExactly(CommitCategory.COMMIT, CommitCategory.PIPELINE, CommitCategory.OMIT);
        assertThat(CommitRows.closeDates(rows)).containsExactly(Map.entry(8L, LocalDate.of(2027, 2, 1)));
        Map<String, Object> bad = row(8, null, "pipeline");
        bad.put("closeDate", "next week");
        assertThatThrownBy(() -> CommitRows.closeDates(List.of(bad))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Row 1: close date must be a date like 2026-12-31");
    }

    @Test
    void every_bad_row_is_named() {
        assertThatThrownBy(() -> CommitRows.parse(List.of(row(7, "120000", "maybe"), row(8, "abc", "commit"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Row 1: category must be commit, upside, pipeline or omit")
                .hasMessageContaining("第 1 行：类别必须是 commit、upside、pipeline 或 omit")
                .hasMessageContaining("Row 2: amount");
    }

    private static Map<String, Object> row(long id, String amount, String category) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("opportunityId", id);
        row.put("amount", amount);
        row.put("category", category);
        for (String check : List.of("configurationFinal", "endUserContractSigned", "partnerContractsSigned", "discountApproved", "partnerReadyToOrder")) {
            row.put(check, true);
        }
        return row;
    }

    private static Opportunity deal(int probability, LocalDate closes) {
        return new Opportunity(1L, null, 1L, "rep", "Deal", new BigDecimal("100000"), "CNY", closes, "ibm-signature-selling",
                "DEVELOP", probability, OpportunityStatus.OPEN, true, null, null, null, null, null);
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
}

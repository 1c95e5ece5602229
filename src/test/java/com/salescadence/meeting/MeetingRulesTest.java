package com.salescadence.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityStatus;

class MeetingRulesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void an_occurrence_has_a_stable_uid_per_week_and_people_and_belongs_to_the_series_of_the_same_people() {
        assertThat(MeetingRules.uid(MeetingKind.ONE_ON_ONE, "2026-W49", "mgr", "rep")).isEqualTo("one-on-one-2026-W49-mgr-rep");
        assertThat(MeetingRules.uid(MeetingKind.TEAM, "2026-W49", "mgr", null)).isEqualTo("team-meeting-2026-W49-mgr");
        assertThat(MeetingRules.seriesKey(MeetingKind.ONE_ON_ONE, "mgr", "rep")).isEqualTo("one-on-one:mgr:rep");
    }

    @Test
    void a_team_meets_every_two_weeks_since_it_last_met_and_at_once_when_it_never_did() {
        assertThat(MeetingRules.teamMeetingDue(Optional.empty(), MONDAY, 2)).isTrue();
        assertThat(MeetingRules.teamMeetingDue(Optional.of(MONDAY.minusWeeks(1).plusDays(3)), MONDAY, 2)).isFalse();
        assertThat(MeetingRules.teamMeetingDue(Optional.of(MONDAY.minusWeeks(2).plusDays(3)), MONDAY, 2)).isTrue();
    }

    @Test
    void the_business_meeting_is_in_the_first_week_the_qbr_in_the_chosen_week_of_the_quarter_the_kickoff_in_the_fiscal_years_first_week() {
        assertThat(MeetingRules.firstWeekOfMonth(LocalDate.of(2026, 12, 7))).isTrue();
        assertThat(MeetingRules.firstWeekOfMonth(LocalDate.of(2026, 12, 14))).isFalse();
        assertThat(MeetingRules.qbrWeek(LocalDate.of(2027, 1, 18), 3)).isTrue();
        assertThat(MeetingRules.qbrWeek(LocalDate.of(2027, 1, 11), 3)).isFalse();
        assertThat(MeetingRules.qbrWeek(LocalDate.of(2027, 2, 15), 3)).as("not the quarter's first month").isFalse();
        assertThat(MeetingRules.kickoffWeek(LocalDate.of(2027, 1, 4), Month.JANUARY)).isTrue();
        assertThat(MeetingRules.kickoffWeek(LocalDate.of(2027, 1, 4), Month.APRIL)).isFalse();
        assertThat(MeetingRules.kickoffWeek(LocalDate.of(2027, 4, 5), Month.APRIL)).isTrue();
    }

    @Test
    void a_managers_one_on_ones_follow_each_other() {
        LocalDateTime ten = MONDAY.atTime(10, 0);
        assertThat(MeetingRules.backToBack(ten, 30, 3)).containsExactly(ten, ten.plusMinutes(30), ten.plusMinutes(60));
    }

    @Test
    void key_deals_are_the_largest_open_ones_in_the_funnel_and_the_win_story_the_largest_won_since_the_last_meeting() {
        LocalDateTime last = MONDAY.minusWeeks(2).atTime(14, 0);
        Opportunity big = deal(1, "900000", OpportunityStatus.OPEN, true, null);
        Opportunity small = deal(2, "100000", OpportunityStatus.OPEN, true, null);
        Opportunity outOfFunnel = deal(3, "2000000", OpportunityStatus.OPEN, false, null);
        Opportunity wonBefore = deal(4, "5000000", OpportunityStatus.WON, true, last.minusDays(1));
        Opportunity wonSince = deal(5, "300000", OpportunityStatus.WON, true, last.plusDays(1));
        List<Opportunity> deals = List.of(small, big, outOfFunnel, wonBefore, wonSince);
        assertThat(MeetingRules.keyDeals(deals, 5)).containsExactly(big, small);
        assertThat(MeetingRules.keyDeals(deals, 1)).containsExactly(big);
        assertThat(MeetingRules.winStory(deals, last)).contains(wonSince);
        assertThat(MeetingRules.winStory(List.of(wonBefore), last)).isEmpty();
    }

    @Test
    void held_by_the_due_time_is_on_time_after_it_late_and_compliance_counts_on_time_of_all_due() {
        LocalDateTime due = MONDAY.atTime(14, 30);
        assertThat(MeetingRules.heldStatus(due, due)).isEqualTo(MeetingStatus.HELD);
        assertThat(MeetingRules.heldStatus(due.plusMinutes(1), due)).isEqualTo(MeetingStatus.LATE);
        assertThat(MeetingRules.compliance(3, 1, 0)).isEqualByComparingTo("75.0");
        assertThat(MeetingRules.compliance(0, 0, 0)).isNull();
    }

    @Test
    void an_open_action_item_is_overdue_the_day_after_its_due_date() {
        ActionItem item = new ActionItem(1, 1, "s", 0, "Call", "rep", MONDAY, ActionItem.OPEN, null, null, null, null, null);
        assertThat(MeetingRules.overdue(item, MONDAY)).isFalse();
        assertThat(MeetingRules.overdue(item, MONDAY.plusDays(1))).isTrue();
    }

    private static Opportunity deal(long id, String amount, OpportunityStatus status, boolean inFunnel, LocalDateTime closedAt) {
        return new Opportunity(id, null, 1, "rep", "Deal " + id, new BigDecimal(amount), "CNY", MONDAY.plusMonths(1), "ibm",
                "DEVELOP", 50, status, inFunnel, null, null, MONDAY.atStartOfDay().minusMonths(2), null, closedAt);
    }
}

package com.salescadence.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.ThreadStatements;

/**
 * The reps' reliability in a Monday call (issue 16, item 4) on a constructed history: commits imported week by week,
 * won deals dated inside and around the weeks; each figure checked by hand in the comments. The service reads the
 * team with the same statements for 3 reps as for 1.
 */
@CadenceIntegrationTest
class RepReliabilityIntegrationTest {

    /** The call's week: 2033-W11 (Monday 14 March 2033), far from the other tests' weeks. */
    private static final LocalDate CALL = LocalDate.of(2033, 3, 14);

    @Autowired RepReliabilityService reliability;
    @Autowired CommitHistoryImport commits;
    @Autowired OrganizationAdministration administration;
    @Autowired OrganizationService organization;
    @Autowired JdbcTemplate jdbc;

    private final List<String> people = new ArrayList<>();

    @AfterEach
    void leave() {
        people.forEach(id -> administration.deactivate(id, null, LocalDate.now()));
    }

    @Test
    void each_rep_gets_the_median_of_actual_over_commit_of_the_13_weeks_before_the_call_and_the_commit_it_suggests() {
        String steady = rep("rel.steady");
        String newcomer = rep("rel.new");
        String uneven = rep("rel.uneven");
        long account = account(steady);

        // steady: committed 10,000 in each of the 13 weeks before the call; booked 8,000 in weeks 1-5 (0.8), 9,000 in
        // weeks 6-8 (0.9), 11,000 in weeks 9-13 (1.1), counting back from the call. Sorted: five 0.8, three 0.9, five
        // 1.1; the 7th of 13 is 0.9. This week's commit 50,000 x 0.9 = 45,000.
        for (int back = 1; back <= 13; back++) {
            LocalDate monday = CALL.minusWeeks(back);
            commits.record(steady, monday, new BigDecimal("10000"), BigDecimal.ZERO, "history");
            long booked = back <= 5 ? 8000 : back <= 8 ? 9000 : 11000;
            // split over the Monday and the Sunday that end the week: both belong to it
            won(account, steady, booked - 1000, monday.atTime(9, 0));
            won(account, steady, 1000, monday.plusDays(6).atTime(23, 0));
        }
        commits.record(steady, CALL, new BigDecimal("50000"), BigDecimal.ZERO, "this week");
        // outside the window: booked on the call's Monday (its week is not over) and the Sunday before week 13
        won(account, steady, 70000, CALL.atTime(10, 0));
        won(account, steady, 70000, CALL.minusWeeks(13).minusDays(1).atTime(10, 0));

        // newcomer: 3 weeks with a commit (and a commit of 0), fewer than 4 -> not enough history, no suggestion
        for (int back = 1; back <= 3; back++) {
            commits.record(newcomer, CALL.minusWeeks(back), new BigDecimal("5000"), BigDecimal.ZERO, "history");
            won(account, newcomer, 5000, CALL.minusWeeks(back).plusDays(2).atTime(12, 0));
        }
        commits.record(newcomer, CALL.minusWeeks(4), BigDecimal.ZERO, BigDecimal.ZERO, "nothing");
        commits.record(newcomer, CALL, new BigDecimal("6000"), BigDecimal.ZERO, "this week");

        // uneven: 20,000 committed in weeks 1-4, booked 10,000 / 20,000 / 30,000 / 40,000 (0.5, 1.0, 1.5, 2.0);
        // week 5 committed 0 with 50,000 booked (left out); week 14 committed 20,000 with nothing booked (outside the
        // window: with it the median would be 1.0). Median (1.0 + 1.5) / 2 = 1.25; no commit this week -> no suggestion.
        for (int back = 1; back <= 4; back++) {
            commits.record(uneven, CALL.minusWeeks(back), new BigDecimal("20000"), BigDecimal.ZERO, "history");
            won(account, uneven, 10000L * back, CALL.minusWeeks(back).plusDays(3).atTime(15, 0));
        }
        commits.record(uneven, CALL.minusWeeks(5), BigDecimal.ZERO, BigDecimal.ZERO, "nothing");
        won(account, uneven, 50000, CALL.minusWeeks(5).plusDays(1).atTime(15, 0));
        commits.record(uneven, CALL.minusWeeks(14), new BigDecimal("20000"), BigDecimal.ZERO, "long ago");

        AtomicReference<List<RepReliability>> team = new AtomicReference<>();
        int forThree = ThreadStatements.during(() -> team.set(reliability.forCall(CALL, List.of(steady, newcomer, uneven))));
        int forOne = ThreadStatements.during(() -> reliability.forCall(CALL, List.of(steady)));
        assertThat(forThree).as("set-based: the same statements for 3 reps as for 1").isEqualTo(forOne).isLessThanOrEqualTo(3);

        assertThat(team.get()).extracting(RepReliability::personId).containsExactly(steady, newcomer, uneven);
        RepReliability s = team.get().get(0);
        assertThat(s.enough()).isTrue();
        assertThat(s.window()).isEqualTo(13);
        assertThat(s.weeks()).isEqualTo(13);
        assertThat(s.ratio()).isEqualByComparingTo("0.9");
        assertThat(s.percent()).isEqualTo("90%");
        assertThat(s.commit()).isEqualByComparingTo("50000");
        assertThat(s.suggestedCommit()).isEqualByComparingTo("45000");

        RepReliability n = team.get().get(1);
        assertThat(n.enough()).isFalse();
        assertThat(n.weeks()).isEqualTo(3);
        assertThat(n.minWeeks()).isEqualTo(4);
        assertThat(n.ratio()).isNull();
        assertThat(n.percent()).isNull();
        assertThat(n.suggestedCommit()).isNull();
        assertThat(n.commit()).isEqualByComparingTo("6000");

        RepReliability u = team.get().get(2);
        assertThat(u.enough()).isTrue();
        assertThat(u.weeks()).isEqualTo(4);
        assertThat(u.ratio()).isEqualByComparingTo("1.25");
        assertThat(u.percent()).isEqualTo("125%");
        assertThat(u.commit()).isNull();
        assertThat(u.suggestedCommit()).isNull();
    }

    private String rep(String id) {
        TestOrganization.ensure(organization, administration);
        administration.add(new Person(id, "Reliability " + id, id + "@test.local", Role.REP, TestOrganization.MANAGER, null),
                TestOrganization.PASSWORD);
        people.add(id);
        return id;
    }

    private long account(String owner) {
        jdbc.update("insert into account (name, name_key, tier, industry, owner_id) values (?, lower(?), 'KEY', 'Test', ?)",
                "Reliability account", "Reliability account", owner);
        return jdbc.queryForObject("select id from account where name = 'Reliability account'", Long.class);
    }

    private void won(long account, String owner, long amount, LocalDateTime closedAt) {
        jdbc.update("""
                insert into opportunity (account_id, owner_id, name, amount, currency, expected_close_date, stage_model,
                  stage_code, probability, status, in_funnel, closed_at) values (?, ?, ?, ?, 'CNY', ?, 'ibm', 'WON', 100, 'WON', true, ?)""",
                account, owner, "Reliability deal " + System.nanoTime(), amount, closedAt.toLocalDate(), Timestamp.valueOf(closedAt));
    }
}

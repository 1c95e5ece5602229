package com.salescadence.cadence;

import static com.salescadence.support.TestOrganization.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.cadence.forecast.ForecastReviewService;
import com.salescadence.cadence.forecast.ForecastReviewView;
import com.salescadence.cadence.quarterly.QuarterlyReviewService;
import com.salescadence.cadence.quarterly.TeamMemberReview;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.QuotaService;
import com.salescadence.organization.Role;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.ThreadStatements;

/**
 * The manager's monthly forecast review and quarterly team view read their team set-based (issue 14 item 5): the
 * statements of {@link ForecastReviewService#view} and {@link QuarterlyReviewService#teamView} are the same for a
 * team of 2 reps as for 7, and the figures are each rep's own (worked out below from the rows inserted).
 */
@CadenceIntegrationTest
class TeamViewQueriesIntegrationTest {

    private static final String QUARTER = "2026-Q4";
    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    @Autowired JdbcClient jdbc;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired QuotaService quotas;
    @Autowired CycleService cycles;
    @Autowired ForecastReviewService forecastReviews;
    @Autowired QuarterlyReviewService quarterlyReviews;

    @Test
    void the_forecast_review_and_the_quarterly_team_view_cost_the_same_statements_for_2_reps_as_for_7() {
        TestOrganization.ensure(organization, administration);
        Cycle month = cycles.open(Cadence.MONTHLY_FORECAST, MONTH.toString(), MONTH.atDay(1).atTime(8, 0), MONTH.atDay(1),
                MONTH.atEndOfMonth(), null);
        Cycle quarter = cycles.open(Cadence.QUARTERLY_REVIEW, QUARTER, LocalDateTime.of(2026, 10, 5, 8, 0), Quarters.start(QUARTER),
                Quarters.endExclusive(QUARTER).minusDays(1), null);
        List<String> reps = new ArrayList<>(List.of(TestOrganization.REP, TestOrganization.TEAMMATE));
        reps.forEach(this::figuresOf);

        int forecastForTwo = forecastStatements(month, reps);
        int quarterForTwo = quarterStatements(quarter, reps);
        assertThat(forecastForTwo).as("statements counted (the data source is counted)").isPositive();
        assertThat(quarterForTwo).as("statements counted (the data source is counted)").isPositive();
        System.out.printf("statements for 2 reps: forecast review %d, quarterly team view %d%n", forecastForTwo, quarterForTwo);

        for (int i = 1; i <= 5; i++) {
            String rep = "t.setrep" + i;
            administration.add(new Person(rep, "Set Rep " + i, rep + "@test.local", Role.REP, MANAGER, null), TestOrganization.PASSWORD);
            figuresOf(rep);
            reps.add(rep);
        }
        assertThat(forecastStatements(month, reps)).as("statements of the forecast review of 7 reps").isEqualTo(forecastForTwo);
        assertThat(quarterStatements(quarter, reps)).as("statements of the quarterly team view of 7 reps").isEqualTo(quarterForTwo);
    }

    /** Each rep: a key account, an open deal of 100,000 closing in December, a deal of 40,000 won in October, quotas. */
    private void figuresOf(String rep) {
        jdbc.sql("insert into account (name, name_key, tier, owner_id) values (?, ?, 'KEY', ?)")
                .params("Key of " + rep, "key of " + rep, rep).update();
        long account = jdbc.sql("select id from account where owner_id = ? and name = ?").params(rep, "Key of " + rep)
                .query(Long.class).single();
        jdbc.sql("""
                insert into opportunity (account_id, owner_id, name, amount, currency, expected_close_date, stage_model,
                  stage_code, probability, status, in_funnel) values (?, ?, 'Open', 100000, 'CNY', ?, 'ibm', 'VALIDATE', 25, 'OPEN', true)""")
                .params(account, rep, LocalDate.of(2026, 12, 15)).update();
        jdbc.sql("""
                insert into opportunity (account_id, owner_id, name, amount, currency, expected_close_date, stage_model,
                  stage_code, probability, status, in_funnel, closed_at) values (?, ?, 'Won', 40000, 'CNY', ?, 'ibm', 'VALIDATE', 100, 'WON', true, ?)""")
                .params(account, rep, LocalDate.of(2026, 10, 20), LocalDateTime.of(2026, 10, 20, 12, 0)).update();
        for (String period : List.of("2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4")) {
            quotas.set(rep, period, new BigDecimal("500000"), new BigDecimal("600000"), "CNY");
        }
    }

    private int forecastStatements(Cycle month, List<String> reps) {
        AtomicReference<ForecastReviewView> view = new AtomicReference<>();
        int statements = ThreadStatements.during(() -> view.set(forecastReviews.view(month.id(), MANAGER)));
        assertThat(view.get().lines()).extracting(ForecastReviewView.Line::personId).containsExactlyInAnyOrderElementsOf(reps);
        for (ForecastReviewView.Line line : view.get().lines()) {
            assertThat(line.status()).isEqualTo("DUE");
            assertThat(line.figures().pipeline()).as(line.personId()).isEqualByComparingTo("100000");
            // December to November 2027: the quarters 2026-Q4 (one month of it) to 2027-Q4 (two months of it)
            assertThat(line.figures().stretch()).as(line.personId()).isNotNull().isPositive();
        }
        assertThat(view.get().missing()).hasSize(reps.size());
        return statements;
    }

    private int quarterStatements(Cycle quarter, List<String> reps) {
        AtomicReference<List<TeamMemberReview>> view = new AtomicReference<>();
        int statements = ThreadStatements.during(() -> view.set(quarterlyReviews.teamView(quarter.id(), MANAGER)));
        assertThat(view.get()).extracting(TeamMemberReview::personId).containsExactlyInAnyOrderElementsOf(reps);
        for (TeamMemberReview member : view.get()) {
            assertThat(member.results().booked()).as(member.personId()).isEqualByComparingTo("40000");
            assertThat(member.results().previousBooked()).as(member.personId()).isEqualByComparingTo("0");
            assertThat(member.results().quota()).as(member.personId()).isEqualByComparingTo("500000");
            assertThat(member.results().stretch()).as(member.personId()).isEqualByComparingTo("600000");
            assertThat(member.keyAccounts()).as(member.personId()).contains("Key of " + member.personId());
            assertThat(member.results()).isEqualTo(quarterlyReviews.results(member.personId(), QUARTER));
            assertThat(member.keyAccounts()).isEqualTo(quarterlyReviews.keyAccountsText(member.personId()));
        }
        return statements;
    }
}

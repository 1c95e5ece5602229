package com.salescadence.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.salescadence.pipeline.PipelineFigures;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.OpportunityStatus;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/**
 * The roll-up view sums the pipeline per owner in one query and adds it up per line in memory: its figures
 * and key deals must equal those of the straightforward way (each line's team summed by its own queries,
 * every owner's deals listed one owner at a time), ties and rounding included.
 */
@CadenceIntegrationTest
class RollupFiguresIntegrationTest {

    @Autowired RollupService rollups;
    @Autowired PipelineFigures figures;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired OpportunityService opportunities;
    @Autowired CycleService cycles;
    @Autowired JdbcTemplate jdbc;
    @Autowired com.salescadence.pipeline.KeptFigures kept;

    @Test
    void every_line_and_the_key_deals_equal_the_figures_summed_one_team_at_a_time() {
        TestOrganization.ensure(organization, administration);
        LocalDate monday = LocalDate.of(2031, 2, 10);
        Cycle cycle = cycles.open(Cadence.WEEKLY_COMMIT, CycleKeys.weekKey(monday), monday.minusDays(1).atTime(8, 0),
                monday, monday.plusDays(6), null);
        LocalDate quarterStart = monday.with(IsoFields.DAY_OF_QUARTER, 1);
        // deals of every person below the leader and the leader's own: open in every stage (amounts with odd cents,
        // so the per-stage rounding shows), won last week / this month / earlier in the quarter, lost, overdue,
        // and equal amounts owned by different people (key-deal ties)
        String[] owners = {TestOrganization.REP, TestOrganization.TEAMMATE, TestOrganization.OTHER_REP,
                TestOrganization.MANAGER, TestOrganization.LEADER};
        String[] stages = {"IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT"};
        for (int o = 0; o < owners.length; o++) {
            jdbc.update("insert into account (name, name_key, tier, industry, owner_id) values (?, lower(?), 'KEY', 'Test', ?)",
                    "Figures account " + owners[o], "Figures account " + owners[o], owners[o]);
            long account = jdbc.queryForObject("select id from account where name = ?", Long.class, "Figures account " + owners[o]);
            for (int i = 0; i < 12; i++) {
                String status = i % 4 == 3 ? "WON" : i == 10 ? "LOST" : "OPEN";
                LocalDate closes = i == 0 ? monday.minusDays(40) : quarterStart.plusDays(7L * i + o);
                BigDecimal amount = i < 2 ? new BigDecimal("50000.00") : new BigDecimal(1000 + 333 * i + 7 * o + ".33");
                Timestamp closedAt = "OPEN".equals(status) ? null : Timestamp.valueOf(monday.minusDays(3L + 9 * (i / 4)).atTime(12, 0));
                jdbc.update("""
                        insert into opportunity (account_id, owner_id, name, amount, currency, expected_close_date, stage_model,
                          stage_code, probability, status, in_funnel, closed_at) values (?, ?, ?, ?, 'CNY', ?, 'ibm', ?, 10, ?, true, ?)""",
                        account, owners[o], "Deal " + o + "-" + i, amount, Date.valueOf(closes),
                        "OPEN".equals(status) ? stages[i % 4] : status, status, closedAt);
            }
        }
        kept.rebuild();   // the deals above went in by SQL, around the product's writes that keep the figures

        for (String manager : List.of(TestOrganization.LEADER, TestOrganization.MANAGER, TestOrganization.OTHER_MANAGER)) {
            RollupView view = rollups.view(cycle.id(), manager);
            assertThat(view.rows()).extracting(RollupRow::personId)
                    .containsExactlyElementsOf(organization.directReports(manager).stream().map(Person::id).toList());
            for (RollupRow row : view.rows()) {
                Person person = organization.person(row.personId());
                Set<String> team = person.role() == Role.REP ? Set.of(person.id()) : organization.teamOf(person.id());
                LocalDate monthStart = monday.withDayOfMonth(1);
                assertThat(row.lastWeekActual()).isEqualTo(figures.booked(team, monday.minusDays(7), monday));
                assertThat(row.monthForecast()).isEqualTo(figures.booked(team, monthStart, monthStart.plusMonths(1))
                        .add(figures.weightedOpen(team, monthStart, monthStart.plusMonths(1))));
                assertThat(row.quarterForecast()).isEqualTo(figures.booked(team, quarterStart, quarterStart.plusMonths(3))
                        .add(figures.weightedOpen(team, quarterStart, quarterStart.plusMonths(3))));
                assertThat(row.quarterForecast().signum()).isPositive();
            }
            assertThat(view.keyDeals()).hasSize(5).extracting(KeyDeal::text).isEqualTo(keyDealsOneOwnerAtATime(manager, monday));
        }

        // the key deals of very many owners are read from everyone's largest deals (on H2 through an index hint, the
        // top-level view's path): the same largest deals as the few owners' path by the owner index
        LocalDate monthEnd = monday.withDayOfMonth(1).plusMonths(1);
        Set<String> team = organization.teamOf(TestOrganization.LEADER);
        Set<String> many = new java.util.HashSet<>(team);
        long people = jdbc.queryForObject("select count(*) from person", Long.class);
        for (int i = 0; i <= people + 100; i++) {
            many.add("nobody-" + i);
        }
        assertThat(largestAmounts(figures.largestOpen(many, monthEnd, 5)))
                .isEqualTo(largestAmounts(figures.largestOpen(team, monthEnd, 5))).hasSize(5);
    }

    private static List<BigDecimal> largestAmounts(List<com.salescadence.pipeline.PipelineFigures.OpenDeal> deals) {
        return deals.stream().map(com.salescadence.pipeline.PipelineFigures.OpenDeal::amount)
                .sorted(Comparator.reverseOrder()).limit(5).toList();
    }

    /** The key deals as the view computed them before it aggregated: every owner's deals listed one at a time. */
    private List<String> keyDealsOneOwnerAtATime(String manager, LocalDate monday) {
        LocalDate monthEnd = monday.withDayOfMonth(1).plusMonths(1);
        List<String> deals = new ArrayList<>();
        for (String owner : organization.teamOf(manager)) {
            opportunities.listVisibleTo(owner).stream()
                    .filter(o -> o.ownerId().equals(owner) && o.status() == OpportunityStatus.OPEN && o.expectedCloseDate().isBefore(monthEnd))
                    .forEach(o -> deals.add(o.amount().toPlainString() + "\t" + o.name() + " (" + o.stageCode() + ", "
                            + organization.person(owner).fullName() + ", closes " + o.expectedCloseDate() + ")"));
        }
        return deals.stream().sorted(Comparator.comparing((String d) -> new BigDecimal(d.substring(0, d.indexOf('\t')))).reversed())
                .limit(5).map(d -> d.replace('\t', ' ')).toList();
    }
}

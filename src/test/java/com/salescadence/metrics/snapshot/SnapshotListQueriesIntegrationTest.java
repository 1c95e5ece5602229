package com.salescadence.metrics.snapshot;

import static com.salescadence.support.TestOrganization.MANAGER;
import static com.salescadence.support.TestOrganization.REP;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.common.CurrencyRates;
import com.salescadence.metrics.MetricsQueries;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.StatementCounter;
import com.salescadence.support.TestOrganization;

/**
 * Listing a branch's snapshots reads their totals in one statement for all of them, not one per snapshot (issue 14
 * item 5), and the totals are the ones worked out by hand below.
 */
@CadenceIntegrationTest
class SnapshotListQueriesIntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired SnapshotService snapshots;
    @Autowired MetricsQueries queries;
    @Autowired CurrencyRates rates;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired Clock clock;

    @Test
    void the_list_costs_the_same_statements_for_two_snapshots_as_for_six_and_its_totals_are_right() {
        TestOrganization.ensure(organization, administration);
        jdbc.sql("insert into account (name, name_key, tier, owner_id) values ('Snapshot Co', 'snapshot co', 'KEY', ?)").param(REP).update();
        long account = jdbc.sql("select id from account where name = 'Snapshot Co'").query(Long.class).single();
        deal(account, "A", "100000", "CNY", LocalDate.of(2026, 8, 15));
        deal(account, "B", "200000", "CNY", LocalDate.of(2026, 11, 20));
        deal(account, "C", "50000", "USD", LocalDate.of(2026, 6, 1));      // 50,000 x 7.10 = 355,000 CNY, overdue
        long july = snapshots.take(SnapshotKind.MANUAL, null, MANAGER, MANAGER, LocalDateTime.of(2026, 7, 5, 10, 0));
        long october = snapshots.take(SnapshotKind.MANUAL, null, MANAGER, MANAGER, LocalDateTime.of(2026, 10, 5, 10, 0));

        StatementCounter counter = new StatementCounter(dataSource);
        SnapshotService counted = new SnapshotService(counter.jdbc(), queries, rates, organization, clock);
        List<SnapshotService.SnapshotRow> two = counted.list(MANAGER, 200);
        int forTwo = counter.count();

        assertThat(two).extracting(SnapshotService.SnapshotRow::id).containsExactly(october, july);
        // July (quarter ends 2026-09-30): all three deals 655,000; this quarter A and the overdue C, 455,000
        row(two.get(1), 3, "655000.00", LocalDate.of(2026, 9, 30), 2, "455000.00");
        // October (quarter ends 2026-12-31): all three in this quarter
        row(two.get(0), 3, "655000.00", LocalDate.of(2026, 12, 31), 3, "655000.00");

        for (int month = 1; month <= 4; month++) {
            snapshots.take(SnapshotKind.MANUAL, null, MANAGER, MANAGER, LocalDateTime.of(2026, month, 5, 10, 0));
        }
        counter.reset();
        List<SnapshotService.SnapshotRow> six = counted.list(MANAGER, 200);
        assertThat(six).hasSize(6);
        assertThat(counter.count()).as("statements for six snapshots").isEqualTo(forTwo).isLessThanOrEqualTo(3);
        assertThat(six).isEqualTo(snapshots.list(MANAGER, 200));
    }

    /**
     * A rep's snapshot (taken with every weekly commit) holds exactly the rep's open funnel deals, read by the owner
     * index; a manager's holds the whole branch's, read through the reporting lines.
     */
    @Test
    void a_reps_snapshot_holds_their_own_open_deals_and_a_managers_their_branchs() {
        TestOrganization.ensure(organization, administration);
        jdbc.sql("insert into account (name, name_key, tier, owner_id) values ('Snapshot Rep Co', 'snapshot rep co', 'KEY', ?)").param(REP).update();
        deal(jdbc.sql("select id from account where name = 'Snapshot Rep Co'").query(Long.class).single(), "R", "1000", "CNY", LocalDate.of(2031, 3, 1));
        LocalDateTime now = LocalDateTime.of(2031, 2, 9, 10, 0);
        long rep = snapshots.take(SnapshotKind.MANUAL, null, REP, REP, now);
        long manager = snapshots.take(SnapshotKind.MANUAL, null, MANAGER, MANAGER, now);
        String open = "select id from opportunity where status = 'OPEN' and in_funnel = true and owner_id in (:owners) order by id";
        assertThat(lines(rep)).as("the rep's snapshot").isNotEmpty()
                .isEqualTo(jdbc.sql(open).param("owners", List.of(REP)).query(Long.class).list());
        List<String> branch = List.copyOf(organization.teamOf(MANAGER));
        assertThat(lines(manager)).as("the manager's snapshot")
                .isEqualTo(jdbc.sql(open).param("owners", branch).query(Long.class).list());
    }

    private List<Long> lines(long snapshot) {
        return jdbc.sql("select opportunity_id from pipeline_snapshot_line where snapshot_id = ? order by opportunity_id")
                .param(snapshot).query(Long.class).list();
    }

    private void deal(long account, String name, String amount, String currency, LocalDate close) {
        jdbc.sql("""
                insert into opportunity (account_id, owner_id, name, amount, currency, expected_close_date, stage_model,
                  stage_code, probability, status, in_funnel) values (?, ?, ?, ?, ?, ?, 'ibm', 'VALIDATE', 25, 'OPEN', true)""")
                .params(account, REP, name, new BigDecimal(amount), currency, close).update();
    }

    private static void row(SnapshotService.SnapshotRow row, long count, String amount, LocalDate quarterEnd, long quarterCount,
                            String quarterAmount) {
        assertThat(row.openCount()).isEqualTo(count);
        assertThat(row.openAmount()).isEqualByComparingTo(amount);
        assertThat(row.quarterEnd()).isEqualTo(quarterEnd);
        assertThat(row.openCountThisQuarter()).isEqualTo(quarterCount);
        assertThat(row.openAmountThisQuarter()).isEqualByComparingTo(quarterAmount);
    }
}

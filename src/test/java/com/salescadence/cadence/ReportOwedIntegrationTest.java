package com.salescadence.cadence;

import static com.salescadence.support.TestOrganization.FINANCE;
import static com.salescadence.support.TestOrganization.LEADER;
import static com.salescadence.support.TestOrganization.MANAGER;
import static com.salescadence.support.TestOrganization.REP;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/**
 * The per-rep reads the weekly fan-out makes, each now one statement: the report a person owes (inserted and
 * returned at once, created only once) and the managers above a person (one recursive query for the whole chain).
 */
@CadenceIntegrationTest
class ReportOwedIntegrationTest {

    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired ComplianceService compliance;
    @Autowired CycleService cycles;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transaction;

    @BeforeEach
    void organization() {
        TestOrganization.ensure(organization, administration);
    }

    @Test
    void a_report_is_owed_once_and_returned_as_stored() {
        Cycle cycle = cycles.open(Cadence.WEEKLY_COMMIT, "2040-W07", LocalDateTime.of(2040, 2, 12, 8, 0),
                LocalDate.of(2040, 2, 13), LocalDate.of(2040, 2, 19), null);
        LocalDateTime due = LocalDateTime.of(2040, 2, 13, 8, 0);

        Submission owed = compliance.owe(cycle.id(), REP, ReportType.COMMIT, due);
        assertThat(owed.id()).isPositive();
        assertThat(owed).isEqualTo(new Submission(owed.id(), cycle.id(), REP, ReportType.COMMIT, due, SubmissionStatus.DUE,
                null, null, null, 0));
        assertThat(owed).isEqualTo(compliance.get(owed.id()));

        // owed again (a retried job, a second node): the same row, not a second one, whatever the deadline asked
        Submission again = compliance.owe(cycle.id(), REP, ReportType.COMMIT, due.plusDays(1));
        assertThat(again).isEqualTo(owed);
        assertThat(jdbc.sql("select count(*) from report_submission where cycle_id = ? and person_id = ?")
                .params(cycle.id(), REP).query(Long.class).single()).isEqualTo(1L);

        // once changed, owing it again returns it as it is now
        compliance.recordReminder(owed.id());
        assertThat(compliance.owe(cycle.id(), REP, ReportType.COMMIT, due)).isEqualTo(compliance.get(owed.id()))
                .extracting(Submission::remindedAt).isNotNull();

        // another type in the same cycle is another report
        Submission rollup = compliance.owe(cycle.id(), MANAGER, ReportType.ROLLUP, due);
        assertThat(rollup.id()).isNotEqualTo(owed.id());
        assertThat(rollup.personId()).isEqualTo(MANAGER);
    }

    @Test
    void the_managers_above_a_person_nearest_first() {
        assertThat(organization.managersAbove(REP)).containsExactly(MANAGER, LEADER);
        assertThat(organization.managersAbove(MANAGER)).containsExactly(LEADER);
        assertThat(organization.managersAbove(LEADER)).isEmpty();
        assertThat(organization.managersAbove(FINANCE)).isEmpty();
        assertThat(organization.managersAbove("t.nobody")).isEmpty();
        assertThat(organization.managersAbove(null)).isEmpty();
    }

    @Test
    void an_inactive_manager_ends_the_chain_and_a_loop_in_the_lines_ends_where_it_closes() {
        add("t.chain.top", Role.MANAGER, null);
        add("t.chain.mid", Role.MANAGER, "t.chain.top");
        add("t.chain.rep", Role.REP, "t.chain.mid");
        assertThat(organization.managersAbove("t.chain.rep")).containsExactly("t.chain.mid", "t.chain.top");
        jdbc.sql("update person set active = false where id = 't.chain.mid'").update();
        // the inactive manager is still named (the rep's line points at them), nobody above them
        assertThat(organization.managersAbove("t.chain.rep")).containsExactly("t.chain.mid");
        assertThat(organization.managersAbove("t.chain.mid")).isEmpty();

        // lines that loop (only possible by editing the table): each person once, the walk stops where it closes
        add("t.loop.a", Role.MANAGER, null);
        add("t.loop.b", Role.MANAGER, "t.loop.a");
        add("t.loop.c", Role.REP, "t.loop.b");
        jdbc.sql("update person set manager_id = 't.loop.b' where id = 't.loop.a'").update();
        assertThat(organization.managersAbove("t.loop.c")).containsExactly("t.loop.b", "t.loop.a", "t.loop.b");
        assertThat(organization.managersAbove("t.loop.a")).containsExactly("t.loop.b", "t.loop.a");
    }

    @Test
    void in_one_transaction_a_person_moved_to_another_manager_has_the_new_chain() {
        add("t.move.top", Role.MANAGER, null);
        add("t.move.a", Role.MANAGER, "t.move.top");
        add("t.move.b", Role.MANAGER, null);
        add("t.move.rep", Role.REP, "t.move.a");
        add("t.move.rep2", Role.REP, "t.move.a");
        transaction.executeWithoutResult(status -> {
            assertThat(organization.managersAbove("t.move.rep")).containsExactly("t.move.a", "t.move.top");
            assertThat(organization.managersAbove("t.move.a")).containsExactly("t.move.top"); // kept from the rep's read
            administration.update(new Person("t.move.rep", "t.move.rep", "t.move.rep@test.local", Role.REP, "t.move.b", null));
            assertThat(organization.managersAbove("t.move.rep")).containsExactly("t.move.b");
            // a manager moved: the chains of the people below them change too
            assertThat(organization.managersAbove("t.move.rep2")).containsExactly("t.move.a", "t.move.top");
            administration.update(new Person("t.move.a", "t.move.a", "t.move.a@test.local", Role.MANAGER, "t.move.b", null));
            assertThat(organization.managersAbove("t.move.rep2")).containsExactly("t.move.a", "t.move.b");
            assertThat(organization.managersAbove("t.move.a")).containsExactly("t.move.b");
            // a manager who left ends the chain
            administration.add(new Person("t.move.c", "t.move.c", "t.move.c@test.local", Role.MANAGER, "t.move.top", null),
                    TestOrganization.PASSWORD);
            administration.update(new Person("t.move.rep", "t.move.rep", "t.move.rep@test.local", Role.REP, "t.move.c", null));
            assertThat(organization.managersAbove("t.move.rep")).containsExactly("t.move.c", "t.move.top");
            administration.update(new Person("t.move.rep", "t.move.rep", "t.move.rep@test.local", Role.REP, "t.move.b", null));
            administration.deactivate("t.move.c", null, LocalDate.of(2040, 1, 1));
            assertThat(organization.managersAbove("t.move.c")).isEmpty();
            status.setRollbackOnly();
        });
        assertThat(organization.managersAbove("t.move.rep")).containsExactly("t.move.a", "t.move.top");
    }

    private void add(String id, Role role, String manager) {
        if (organization.findPerson(id).isEmpty()) {
            administration.add(new Person(id, id, id + "@test.local", role, manager, null), TestOrganization.PASSWORD);
        }
    }
}

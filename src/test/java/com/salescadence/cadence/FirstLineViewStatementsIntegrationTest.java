package com.salescadence.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.ThreadStatements;

/**
 * A first-line view of the Monday commit call (issue 15 round 7b) costs a fixed, small number of statements on every
 * database: each a round trip, and on PostgreSQL the round trips, not the plans, were its cost. The count is pinned:
 * a read put back per owner, per period or per line makes it fail.
 */
@CadenceIntegrationTest
class FirstLineViewStatementsIntegrationTest {

    /** The statements of one first-line view (see {@link RollupService#view}); lower it when a read is folded. */
    static final int FIRST_LINE_VIEW_STATEMENTS = 12;

    @Autowired RollupService rollups;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired CycleService cycles;

    @Test
    void a_first_line_view_costs_the_same_pinned_statements_for_2_reps_as_for_8() {
        TestOrganization.ensure(organization, administration);
        String manager = "t.fl7b";
        if (organization.findPerson(manager).isEmpty()) {
            administration.add(new Person(manager, "First Line 7b", manager + "@test.local", Role.MANAGER, TestOrganization.LEADER, null),
                    TestOrganization.PASSWORD);
        }
        LocalDate monday = LocalDate.of(2032, 3, 8);
        Cycle cycle = cycles.open(Cadence.WEEKLY_COMMIT, CycleKeys.weekKey(monday), monday.minusDays(1).atTime(8, 0),
                monday, monday.plusDays(6), null);
        addReps(manager, 1, 2);
        // a first view warms what is read once per process (the stage models, the currency rates)
        rollups.view(cycle.id(), manager);
        List<String> forTwo = statements(cycle, manager, 2);
        forTwo.forEach(sql -> System.out.println("first-line view statement: " + sql.replaceAll("\\s+", " ")));
        addReps(manager, 3, 8);
        List<String> forEight = statements(cycle, manager, 8);
        assertThat(forEight).as("statements of a first-line view of 8 reps").hasSize(forTwo.size());
        assertThat(forTwo).as("statements of one first-line view").hasSize(FIRST_LINE_VIEW_STATEMENTS);
    }

    private void addReps(String manager, int from, int to) {
        for (int i = from; i <= to; i++) {
            String rep = "t.fl7b.rep" + i;
            if (organization.findPerson(rep).isEmpty()) {
                administration.add(new Person(rep, "First Line Rep " + i, rep + "@test.local", Role.REP, manager, null), TestOrganization.PASSWORD);
            }
        }
    }

    private List<String> statements(Cycle cycle, String manager, int reps) {
        AtomicReference<RollupView> view = new AtomicReference<>();
        List<String> texts = ThreadStatements.texts(() -> view.set(rollups.view(cycle.id(), manager)));
        assertThat(view.get().rows()).hasSize(reps);
        return texts;
    }
}

package com.salescadence.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleKeys;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.RollupRow;
import com.salescadence.cadence.RollupService;
import com.salescadence.cadence.RollupView;
import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.deal.DealChangeService;
import com.salescadence.pipeline.deal.DealEdit;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/**
 * Issue 15 item 3: the roll-up's kept figures stay exactly right. Thousands of random deal changes through the
 * product's write paths (new deals one at a time and in import batches, amount and close-date edits, stage moves, won,
 * lost, a person's open deals handed over to someone in another team, refused edits rolled back); after each batch the
 * kept figures equal a recomputation from scratch ({@link KeptFigures#rebuild}) and every line of the leader's and
 * both managers' roll-ups equals the figures summed from the opportunity table directly. Fixed seed, named in every
 * failure ({@code -Dkept.seed=...} to try another).
 */
@CadenceIntegrationTest
class KeptFiguresPropertyIntegrationTest {

    static final long SEED = Long.getLong("kept.seed", 20261206L);
    static final int BATCHES = Integer.getInteger("kept.batches", 20);
    static final int CHANGES_PER_BATCH = 100;
    static final String[] OPEN_STAGES = {"IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT"};

    @Autowired KeptFigures kept;
    @Autowired PipelineFigures figures;
    @Autowired OpportunityService opportunities;
    @Autowired OpportunityRepository repository;
    @Autowired DealChangeService changes;
    @Autowired DealHandover handover;
    @Autowired AccountService accounts;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired RollupService rollups;
    @Autowired CycleService cycles;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    final String[] owners = {TestOrganization.REP, TestOrganization.TEAMMATE, TestOrganization.OTHER_REP,
            TestOrganization.MANAGER, TestOrganization.LEADER};
    final Map<String, Long> accountOf = new HashMap<>();
    final List<Long> deals = new ArrayList<>();

    @Test
    void the_kept_figures_equal_a_recomputation_and_the_rollup_equals_the_opportunity_table_after_every_batch() {
        TestOrganization.ensure(organization, administration);
        for (String owner : owners) {
            accountOf.put(owner, TestOrganization.account(accounts, owner).id());
        }
        // a week in a quarter ahead, so that edited close dates (from today on) fall in its periods
        LocalDate monday = LocalDate.now().plusMonths(3).with(IsoFields.DAY_OF_QUARTER, 1).plusDays(40)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Cycle cycle = cycles.open(Cadence.WEEKLY_COMMIT, CycleKeys.weekKey(monday), monday.minusDays(1).atTime(8, 0),
                monday, monday.plusDays(6), null);
        LocalDate quarterStart = monday.with(IsoFields.DAY_OF_QUARTER, 1);
        Random random = new Random(SEED);
        Map<String, Integer> done = new HashMap<>();
        for (int batch = 1; batch <= BATCHES; batch++) {
            for (int i = 0; i < CHANGES_PER_BATCH; i++) {
                done.merge(change(random, quarterStart), 1, Integer::sum);
            }
            String where = "seed " + SEED + ", batch " + batch + " (changes so far " + done + ")";
            Map<KeptFigures.Key, KeptFigures.Sum> keptNow = kept.all();
            kept.rebuild();
            assertThat(keptNow).as("kept figures against a recomputation from scratch, " + where)
                    .containsExactlyInAnyOrderEntriesOf(kept.all());
            rollupEqualsTheTable(cycle, monday, quarterStart, where);
            topViewEqualsTheTable(random, monday, quarterStart, where);
        }
        assertThat(done.keySet()).as("every kind of change happened, seed " + SEED)
                .contains("new", "import", "amount", "close date", "stage", "won", "lost", "handover");
        assertThat(deals).hasSizeGreaterThan(500);
    }

    /** One random change through a product write path; answers its kind. */
    private String change(Random random, LocalDate quarterStart) {
        int kind = deals.size() < 20 ? 0 : random.nextInt(100);
        if (kind < 12) {
            ImportedDeal deal = newDeal(random, quarterStart);
            deals.add(opportunities.importDeal(deal, deal.ownerId(), "kept figures test").id());
            return "new";
        }
        if (kind < 16) {
            List<ImportedDeal> batch = new ArrayList<>();
            for (int n = 2 + random.nextInt(30); n > 0; n--) {
                batch.add(newDeal(random, quarterStart));
            }
            opportunities.importDeals(batch, TestOrganization.REP, "kept figures test").forEach(o -> deals.add(o.id()));
            return "import";
        }
        long id = deals.get(random.nextInt(deals.size()));
        Opportunity deal = opportunities.get(id);
        try {
            if (kind < 40) {
                changes.change(id, DealEdit.amount(amount(random)), deal.ownerId());
                return "amount";
            }
            if (kind < 60) {
                changes.change(id, DealEdit.closeDate(closeDate(random, quarterStart)), deal.ownerId());
                return "close date";
            }
            if (kind < 78) {
                if (deal.status() != OpportunityStatus.OPEN) {
                    return "refused";
                }
                String stage = OPEN_STAGES[random.nextInt(OPEN_STAGES.length)];
                transactions.executeWithoutResult(tx -> repository.moveStage(id, stage, 25, OpportunityStatus.OPEN, LocalDateTime.now()));
                return "stage";
            }
            if (kind < 88) {
                if (deal.status() != OpportunityStatus.OPEN) {
                    return "refused";
                }
                LocalDateTime closedAt = closeDate(random, quarterStart.minusDays(20)).atTime(random.nextInt(24), random.nextInt(60));
                transactions.executeWithoutResult(tx -> repository.moveStage(id, "WON", 100, OpportunityStatus.WON, closedAt));
                return "won";
            }
            if (kind < 96) {
                opportunities.markLost(id, "Lost to a competitor", deal.ownerId());
                return "lost";
            }
            String from = owners[random.nextInt(owners.length)];
            String to = owners[random.nextInt(owners.length)];
            handover.handOverOwnership(from, to);
            return "handover";
        } catch (ValidationException | com.salescadence.pipeline.deal.DealAccessDenied refused) {
            return "refused";   // a closed deal's terms, a date in the past: refused, nothing stored (rolled back)
        }
    }

    private ImportedDeal newDeal(Random random, LocalDate quarterStart) {
        String owner = owners[random.nextInt(owners.length)];
        int state = random.nextInt(10);
        String stage = state < 6 ? OPEN_STAGES[random.nextInt(OPEN_STAGES.length)] : state < 9 ? "WON" : "LOST";
        LocalDate close = closeDate(random, quarterStart);
        LocalDate closedOn = state < 6 ? null : closeDate(random, quarterStart.minusDays(30));
        return new ImportedDeal(accountOf.get(owner), owner, "Deal " + random.nextInt(1_000_000), amount(random), "CNY",
                close, stage, null, closedOn, state == 9 ? "Budget cut" : null, null);
    }

    /** Amounts with cents, small (out of the funnel) to large. */
    private static BigDecimal amount(Random random) {
        long cents = random.nextInt(4) == 0 ? 10_000 + random.nextInt(2_000_000) : 5_000_000 + (long) random.nextInt(200_000_000);
        return BigDecimal.valueOf(cents, 2);
    }

    /** A day around the quarter: before it, in any of its months, after it (never before today). */
    private static LocalDate closeDate(Random random, LocalDate quarterStart) {
        LocalDate day = quarterStart.minusDays(15).plusDays(random.nextInt(120));
        return day.isBefore(LocalDate.now()) ? LocalDate.now() : day;
    }

    /**
     * The top-level roll-up's path (everyone's kept buckets summed per owner and stage in the database,
     * {@code PipelineFigures.byOwner(..., wholeTable = true)}; the test organization is too small for the roll-up to take
     * it by itself) against the opportunity table, for each owner alone and for the teams: the call's three periods
     * and a random period with days at both edges of its whole months (or none).
     */
    private void topViewEqualsTheTable(Random random, LocalDate monday, LocalDate quarterStart, String where) {
        LocalDate monthStart = monday.withDayOfMonth(1);
        LocalDate from = quarterStart.minusDays(20).plusDays(random.nextInt(40));
        List<PipelineFigures.Period> periods = List.of(new PipelineFigures.Period(monday.minusDays(7), monday),
                new PipelineFigures.Period(monthStart, monthStart.plusMonths(1)),
                new PipelineFigures.Period(quarterStart, quarterStart.plusMonths(3)),
                new PipelineFigures.Period(from, from.plusDays(1 + random.nextInt(100))));
        Set<String> team = organization.teamOf(TestOrganization.MANAGER);
        Set<String> asked = new java.util.HashSet<>(team);
        asked.addAll(List.of(owners));
        // orders: some won deals get one (paid or not), some orders change their status
        List<Long> won = jdbc.sql("select id from opportunity where status = 'WON' order by id").query(Long.class).list();
        for (int n = 0; n < 10 && !won.isEmpty(); n++) {
            long id = won.get(random.nextInt(won.size()));
            String status = random.nextBoolean() ? "PAID" : "BOOKED";
            if (jdbc.sql("update sales_order set status = ? where opportunity_id = ?").params(status, id).update() == 0) {
                jdbc.sql("insert into sales_order (opportunity_id, amount, currency, status) values (?, 1, 'CNY', ?)").params(id, status).update();
            }
        }
        // the orders' period: the call's (quarter start to its Monday) or a random one
        PipelineFigures.Period wonIn = random.nextBoolean() ? new PipelineFigures.Period(quarterStart, monday) : periods.get(3);
        PipelineFigures.ByOwner everyone = figures.byOwner(asked, periods, wonIn, true);
        PipelineFigures.ByOwner perOwner = figures.byOwner(asked, periods, wonIn, false);
        List<Set<String>> groups = new ArrayList<>();
        for (String owner : owners) {
            groups.add(Set.of(owner));
        }
        groups.add(team);
        groups.add(asked);
        for (Set<String> group : groups) {
            for (int i = 0; i < periods.size(); i++) {
                PipelineFigures.Period period = periods.get(i);
                String what = "top view's path, " + group + " in " + period + ", " + where;
                assertThat(everyone.booked(group, i)).as("booked, " + what).isEqualTo(figures.booked(group, period.from(), period.to()));
                assertThat(everyone.weightedOpen(group, i)).as("weighted open, " + what)
                        .isEqualTo(figures.weightedOpen(group, period.from(), period.to()));
            }
            BigDecimal[] orders = jdbc.sql("select coalesce(sum(d.amount), 0), coalesce(sum(case when o.status = 'PAID' then 0 else d.amount end), 0)"
                            + " from opportunity d left join sales_order o on o.opportunity_id = d.id where d.status = 'WON'"
                            + " and d.closed_at >= ? and d.closed_at < ? and d.owner_id in (" + String.join(", ", java.util.Collections.nCopies(group.size(), "?")) + ")")
                    .params(ordersParams(wonIn, group)).query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}).single();
            String what = "top view's path, orders of " + group + " won in " + wonIn + ", " + where;
            assertThat(everyone.orders(group).total()).as("total, " + what).isEqualByComparingTo(orders[0]);
            assertThat(everyone.orders(group).unfulfilled()).as("unpaid, " + what).isEqualByComparingTo(orders[1]);
            assertThat(perOwner.orders(group).total()).as("per-owner total, " + what).isEqualByComparingTo(orders[0]);
            assertThat(perOwner.orders(group).unfulfilled()).as("per-owner unpaid, " + what).isEqualByComparingTo(orders[1]);
        }
    }

    private static List<Object> ordersParams(PipelineFigures.Period wonIn, Set<String> group) {
        List<Object> params = new ArrayList<>(List.of(wonIn.from().atStartOfDay(), wonIn.to().atStartOfDay()));
        params.addAll(group);
        return params;
    }

    /** Every line of three roll-ups against the figures summed from the opportunity table for the line's team. */
    private void rollupEqualsTheTable(Cycle cycle, LocalDate monday, LocalDate quarterStart, String where) {
        LocalDate monthStart = monday.withDayOfMonth(1);
        for (String manager : List.of(TestOrganization.LEADER, TestOrganization.MANAGER, TestOrganization.OTHER_MANAGER)) {
            RollupView view = rollups.view(cycle.id(), manager);
            for (RollupRow row : view.rows()) {
                Person person = organization.person(row.personId());
                Set<String> team = person.role() == Role.REP ? Set.of(person.id()) : organization.teamOf(person.id());
                String line = manager + "'s line " + row.personId() + ", " + where;
                assertThat(row.lastWeekActual()).as("booked last week, " + line).isEqualTo(figures.booked(team, monday.minusDays(7), monday));
                assertThat(row.monthForecast()).as("month forecast, " + line).isEqualTo(figures.booked(team, monthStart, monthStart.plusMonths(1))
                        .add(figures.weightedOpen(team, monthStart, monthStart.plusMonths(1))));
                assertThat(row.quarterForecast()).as("quarter forecast, " + line).isEqualTo(figures.booked(team, quarterStart, quarterStart.plusMonths(3))
                        .add(figures.weightedOpen(team, quarterStart, quarterStart.plusMonths(3))));
            }
            Set<String> team = organization.teamOf(manager);
            Object[] small = jdbc.sql("select count(*), coalesce(sum(amount), 0) from opportunity where status = 'OPEN' and in_funnel = false"
                    + " and owner_id in (:team)").param("team", team).query((rs, n) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)}).single();
            assertThat(view.smallDealsInProgress().count()).as("small deals in progress of " + manager + "'s team, " + where).isEqualTo(small[0]);
            assertThat(view.smallDealsInProgress().amount()).as("their amount, " + manager + "'s team, " + where).isEqualByComparingTo((BigDecimal) small[1]);
        }
    }
}

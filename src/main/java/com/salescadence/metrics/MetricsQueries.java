package com.salescadence.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.salescadence.common.CurrencyRates;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.StageRates;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.pipeline.stage.StageModelCatalog;

// Over 250 lines (issue 14 item 6): the dashboard's SQL in one place, one set-based method per figure; the rules are in MetricRules.
/**
 * The metrics' SQL: every figure is aggregated in the database (GROUP BY owner, currency, stage), over a
 * person's branch of the hierarchy found by a recursive query; amounts come back per currency and are
 * converted by {@link CurrencyRates}.
 */
@Repository
public class MetricsQueries {

    /** The person (:person) and everyone below them. */
    static final String TEAM = """
            with recursive team(id) as (
              select id from person where id = :person
              union all
              select p.id from person p join team t on p.manager_id = t.id)
            """;

    /** "Any close date": later than every deal's. */
    static final LocalDate NO_DATE = LocalDate.of(9999, 12, 31);

    private final JdbcClient jdbc;
    private final StageModelCatalog stageModels;
    private final CurrencyRates rates;
    private final StageRates stageRates;

    MetricsQueries(JdbcClient jdbc, StageModelCatalog stageModels, CurrencyRates rates, StageRates stageRates) {
        this.jdbc = jdbc;
        this.stageModels = stageModels;
        this.rates = rates;
        this.stageRates = stageRates;
    }

    /** The recursive query of a person's branch (:person), to open a statement with. */
    public String teamSql() {
        return TEAM;
    }

    public Team team(String personId) {
        List<Team.Member> people = jdbc.sql(TEAM + """
                select p.id, p.full_name, p.role, p.manager_id from person p join team t on t.id = p.id""")
                .param("person", personId)
                .query((rs, row) -> new Team.Member(rs.getString("id"), rs.getString("full_name"),
                        Role.valueOf(rs.getString("role")), rs.getString("manager_id"))).list();
        return new Team(personId, people);
    }

    /**
     * Open pipeline per owner (amount, and weighted as "the forecast" weighs it as of {@code asOf}: the stage's win
     * rate, or what {@code cadence.forecasting.method} chooses, see {@link StageRates}), closing before {@code until}
     * (null: any date): the funnel's deals only; open out-of-funnel (small) deals are no pipeline ({@link #smallDeals}).
     */
    public Map<String, Pipeline> open(String personId, LocalDate until, LocalDate asOf) {
        Map<String, Pipeline> byOwner = new HashMap<>();
        StageRates.Weighing weighing = stageRates.asOf(asOf);
        jdbc.sql(TEAM + """
                select o.owner_id, o.currency, o.stage_model, o.stage_code, sum(o.amount) as total, sum(o.amount * o.probability) as claimed
                from opportunity o join team t on t.id = o.owner_id
                where o.status = 'OPEN' and o.in_funnel = true and o.expected_close_date < :until
                group by o.owner_id, o.currency, o.stage_model, o.stage_code""")
                .param("person", personId).param("until", until == null ? NO_DATE : until)
                .query(rs -> {
                    String currency = rs.getString("currency");
                    BigDecimal amount = rates.toBase(currency, rs.getBigDecimal("total"));
                    BigDecimal configured = amount.multiply(BigDecimal.valueOf(winRate(rs.getString("stage_model"), rs.getString("stage_code"))))
                            .movePointLeft(2);
                    BigDecimal claimed = rates.toBase(currency, rs.getBigDecimal("claimed")).movePointLeft(2);
                    BigDecimal weighted = weighing.weigh(rs.getString("owner_id"), rs.getString("stage_model"), rs.getString("stage_code"),
                            amount, configured, claimed);
                    byOwner.merge(rs.getString("owner_id"), new Pipeline(amount, weighted), Pipeline::plus);
                });
        return byOwner;
    }

    /** Open out-of-funnel (small) deals per owner, any close date: count and amount in the base currency. */
    public Map<String, com.salescadence.pipeline.PipelineFigures.SmallDeals> smallDeals(String personId) {
        Map<String, com.salescadence.pipeline.PipelineFigures.SmallDeals> byOwner = new HashMap<>();
        jdbc.sql(TEAM + """
                select o.owner_id, o.currency, count(*) as deals, sum(o.amount) as total
                from opportunity o join team t on t.id = o.owner_id
                where o.status = 'OPEN' and o.in_funnel = false
                group by o.owner_id, o.currency""")
                .param("person", personId)
                .query(rs -> {
                    byOwner.merge(rs.getString("owner_id"), new com.salescadence.pipeline.PipelineFigures.SmallDeals(rs.getLong("deals"),
                            rates.toBase(rs.getString("currency"), rs.getBigDecimal("total"))), com.salescadence.pipeline.PipelineFigures.SmallDeals::plus);
                });
        return byOwner;
    }

    /** An open amount and its weighted part, in the base currency. */
    public record Pipeline(BigDecimal amount, BigDecimal weighted) {
        public static final Pipeline ZERO = new Pipeline(BigDecimal.ZERO, BigDecimal.ZERO);

        Pipeline plus(Pipeline other) {
            return new Pipeline(amount.add(other.amount), weighted.add(other.weighted));
        }
    }

    public static Map<String, BigDecimal> amounts(Map<String, Pipeline> pipeline) {
        Map<String, BigDecimal> amounts = new HashMap<>();
        pipeline.forEach((owner, p) -> amounts.put(owner, p.amount()));
        return amounts;
    }

    public static Map<String, BigDecimal> weighted(Map<String, Pipeline> pipeline) {
        Map<String, BigDecimal> weighted = new HashMap<>();
        pipeline.forEach((owner, p) -> weighted.put(owner, p.weighted()));
        return weighted;
    }

    /** The win rate of a stage in the stage model the deal was opened in. */
    public int winRate(String model, String code) {
        return stageModels.model(model).find(code).map(Stage::winRate).orElse(0);
    }

    /** Won deals per owner closed in [from, to), out-of-funnel sales included. */
    public Map<String, BigDecimal> won(String personId, LocalDateTime from, LocalDateTime to) {
        Map<String, BigDecimal> byOwner = new HashMap<>();
        jdbc.sql(TEAM + """
                select o.owner_id, o.currency, sum(o.amount) as total
                from opportunity o join team t on t.id = o.owner_id
                where o.status = 'WON' and o.closed_at >= :from and o.closed_at < :to
                group by o.owner_id, o.currency""")
                .param("person", personId).param("from", from).param("to", to)
                .query(rs -> {
                    byOwner.merge(rs.getString("owner_id"), rates.toBase(rs.getString("currency"), rs.getBigDecimal("total")), BigDecimal::add);
                });
        return byOwner;
    }

    /** Deals won in [from, to) (the orders) and the part of them not paid yet: no order, credit refused, or unpaid. */
    public BigDecimal[] orders(String personId, LocalDateTime from, LocalDateTime to) {
        BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO};
        jdbc.sql(TEAM + """
                select o.currency, sum(o.amount) as total,
                       sum(case when so.status = 'PAID' then 0 else o.amount end) as unfulfilled
                from opportunity o join team t on t.id = o.owner_id left join sales_order so on so.opportunity_id = o.id
                where o.status = 'WON' and o.closed_at >= :from and o.closed_at < :to
                group by o.currency""")
                .param("person", personId).param("from", from).param("to", to)
                .query(rs -> {
                    totals[0] = totals[0].add(rates.toBase(rs.getString("currency"), rs.getBigDecimal("total")));
                    totals[1] = totals[1].add(rates.toBase(rs.getString("currency"), rs.getBigDecimal("unfulfilled")));
                });
        return totals;
    }

    /** Quota and stretch target per person of the branch for a period (e.g. 2026-Q4), in the base currency. */
    public Map<String, BigDecimal[]> quotas(String personId, String periodKey) {
        Map<String, BigDecimal[]> byPerson = new HashMap<>();
        jdbc.sql(TEAM + """
                select q.person_id, q.quota_amount, q.stretch_amount, q.currency
                from quota q join team t on t.id = q.person_id where q.period_key = :period""")
                .param("person", personId).param("period", periodKey)
                .query(rs -> {
                    String currency = rs.getString("currency");
                    byPerson.put(rs.getString("person_id"), new BigDecimal[] {
                            rates.toBase(currency, rs.getBigDecimal("quota_amount")), rates.toBase(currency, rs.getBigDecimal("stretch_amount"))});
                });
        return byPerson;
    }

    /**
     * Open amount and weighted per owner in a snapshot, closing before {@code until} (null: any date): weighted as the
     * snapshot stored it (the configured rates then), or as {@code cadence.forecasting.method} chooses with the
     * verdicts known by {@code asOf} (the snapshot's day; see {@link StageRates}).
     */
    public Map<String, Pipeline> snapshot(long snapshotId, String personId, LocalDate until, LocalDate asOf) {
        Map<String, Pipeline> byOwner = new HashMap<>();
        StageRates.Weighing weighing = stageRates.asOf(asOf);
        jdbc.sql(TEAM + """
                select l.owner_id, l.currency, l.stage_model, l.stage_code, sum(l.amount) as total, sum(l.weighted) as weighted,
                       sum(l.amount * l.probability) as claimed
                from pipeline_snapshot_line l join team t on t.id = l.owner_id
                where l.snapshot_id = :snapshot and l.status = 'OPEN'
                  and l.expected_close_date < :until
                group by l.owner_id, l.currency, l.stage_model, l.stage_code""")
                .param("person", personId).param("snapshot", snapshotId).param("until", until == null ? NO_DATE : until)
                .query(rs -> {
                    String currency = rs.getString("currency");
                    BigDecimal amount = rates.toBase(currency, rs.getBigDecimal("total"));
                    BigDecimal weighted = weighing.weigh(rs.getString("owner_id"), rs.getString("stage_model"), rs.getString("stage_code"),
                            amount, rates.toBase(currency, rs.getBigDecimal("weighted")),
                            rates.toBase(currency, rs.getBigDecimal("claimed")).movePointLeft(2));
                    byOwner.merge(rs.getString("owner_id"), new Pipeline(amount, weighted), Pipeline::plus);
                });
        return byOwner;
    }

    /**
     * The latest snapshot taken in [from, to) that holds the whole pipeline of the person's branch: the
     * company's, the person's own, or one of a manager above them.
     */
    public java.util.Optional<Snapshot> coveringSnapshot(String personId, List<String> managersAbove, LocalDateTime from, LocalDateTime to) {
        List<String> holders = new ArrayList<>(managersAbove);
        holders.add(personId);
        return jdbc.sql("""
                select id, taken_at from pipeline_snapshot
                where taken_at >= :from and taken_at < :to and (person_id is null or person_id in (:holders))
                order by taken_at desc, id desc fetch first 1 rows only""")
                .param("from", from).param("to", to).param("holders", holders)
                .query((rs, row) -> new Snapshot(rs.getLong("id"), rs.getObject("taken_at", LocalDateTime.class))).optional();
    }

    public record Snapshot(long id, LocalDateTime takenAt) {
    }

    /** The weekly commit data of a cycle for everyone in the branch. */
    public CommitData commits(String personId, long cycleId) {
        Map<String, BigDecimal[]> reports = new HashMap<>();
        jdbc.sql(TEAM + """
                select r.person_id, r.commit_amount, r.upside_amount from commit_report r join team t on t.id = r.person_id
                where r.cycle_id = :cycle""")
                .param("person", personId).param("cycle", cycleId)
                .query(rs -> {
                    reports.put(rs.getString("person_id"), new BigDecimal[] {rs.getBigDecimal("commit_amount"), rs.getBigDecimal("upside_amount")});
                });
        Map<String, BigDecimal[]> rollups = new HashMap<>();
        jdbc.sql(TEAM + """
                select r.manager_id, r.commit_amount, r.upside_amount from rollup_report r join team t on t.id = r.manager_id
                where r.cycle_id = :cycle""")
                .param("person", personId).param("cycle", cycleId)
                .query(rs -> {
                    rollups.put(rs.getString("manager_id"), new BigDecimal[] {rs.getBigDecimal("commit_amount"), rs.getBigDecimal("upside_amount")});
                });
        Map<String, BigDecimal[]> adjustments = new HashMap<>();
        jdbc.sql(TEAM + """
                select a.person_id, a.adjusted_by, a.commit_amount, a.upside_amount from commit_adjustment a
                join team t on t.id = a.person_id where a.cycle_id = :cycle order by a.created_at, a.id""")
                .param("person", personId).param("cycle", cycleId)
                .query(rs -> {
                    adjustments.put(rs.getString("person_id") + "|" + rs.getString("adjusted_by"),
                            new BigDecimal[] {rs.getBigDecimal("commit_amount"), rs.getBigDecimal("upside_amount")});
                });
        return new CommitData(reports, rollups, adjustments);
    }

    /** Commit and upside per person (reports), per manager (frozen roll-ups), latest adjustment per "person|manager". */
    public record CommitData(Map<String, BigDecimal[]> reports, Map<String, BigDecimal[]> rollups,
                             Map<String, BigDecimal[]> adjustments) {
    }

    /** Report submissions of the branch per cycle and status, for cycles starting in [from, to). */
    public List<ComplianceRow> compliance(String personId, LocalDate from, LocalDate to) {
        return jdbc.sql(TEAM + """
                select c.id as cycle_id, c.cadence, c.cycle_key, c.period_start, s.status, count(*) as reports
                from report_submission s join team t on t.id = s.person_id join cadence_cycle c on c.id = s.cycle_id
                where c.period_start >= :from and c.period_start < :to and s.status <> 'IMPORTED'
                group by c.id, c.cadence, c.cycle_key, c.period_start, s.status""")
                .param("person", personId).param("from", from).param("to", to)
                .query((rs, row) -> new ComplianceRow(rs.getLong("cycle_id"), rs.getString("cadence"), rs.getString("cycle_key"),
                        rs.getObject("period_start", LocalDate.class), rs.getString("status"), rs.getLong("reports"))).list();
    }

    public record ComplianceRow(long cycleId, String cadence, String cycleKey, LocalDate periodStart, String status, long reports) {
    }

    /** The weekly commit cycles whose week starts in [from, to), oldest first: id and Monday. */
    public Map<LocalDate, Long> weeklyCycles(LocalDate from, LocalDate to) {
        Map<LocalDate, Long> cycles = new java.util.TreeMap<>();
        jdbc.sql("""
                select id, period_start from cadence_cycle
                where cadence = 'WEEKLY_COMMIT' and period_start >= :from and period_start < :to""")
                .param("from", from).param("to", to)
                .query(rs -> {
                    cycles.put(rs.getObject("period_start", LocalDate.class), rs.getLong("id"));
                });
        return cycles;
    }

    /** The CASE expression giving a deal's win rate from its stage model and stage, with its parameters. */
    public String winRateCase(String alias, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("case");
        int i = 0;
        for (StageModel model : stageModels.all()) {
            for (Stage stage : model.stages()) {
                sql.append(" when ").append(alias).append(".stage_model = :wm").append(i).append(" and ").append(alias)
                        .append(".stage_code = :ws").append(i).append(" then ").append(stage.winRate());
                params.put("wm" + i, model.id());
                params.put("ws" + i, stage.code());
                i++;
            }
        }
        return sql.append(" else 0 end").toString();
    }
}

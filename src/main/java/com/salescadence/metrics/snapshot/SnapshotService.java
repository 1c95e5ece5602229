package com.salescadence.metrics.snapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.salescadence.common.Checks;
import com.salescadence.common.NotFoundException;
import com.salescadence.common.ValidationException;
import com.salescadence.common.CurrencyRates;
import com.salescadence.metrics.MetricsQueries;
import com.salescadence.metrics.Periods;
import com.salescadence.organization.OrganizationService;

// Over 250 lines (issue 14 item 6): taking, listing and comparing snapshots share the snapshot rows and their totals; split when a fourth use comes.
/**
 * Pipeline snapshots: the open deals of the company, or of a person's branch, copied in one INSERT ... SELECT
 * with each deal's weighted amount (amount x its stage's win rate); and what changed between two snapshots,
 * or between a snapshot and the live pipeline.
 */
@Service
@Transactional
public class SnapshotService {

    public static final String SYSTEM = "system";

    /**
     * A snapshot as listed: openCount / openAmount count ALL its open deals of the person's branch, whatever their
     * close date; openCountThisQuarter / openAmountThisQuarter only those expected to close by {@code quarterEnd}
     * (the last day of the quarter the snapshot was taken in), the scope /changes compares by default.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SnapshotRow(long id, LocalDateTime takenAt, SnapshotKind kind, String cycleKey, long openCount, BigDecimal openAmount,
                              LocalDate quarterEnd, long openCountThisQuarter, BigDecimal openAmountThisQuarter) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Moment(Long id, LocalDateTime takenAt) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Changes(String personId, Moment from, Moment to, LocalDate until, BigDecimal startAmount, BigDecimal endAmount,
                          List<WaterfallRules.Step> waterfall, long stageMoved, List<WaterfallRules.Change> changes,
                          Map<String, String> ownerNames) {
    }

    private final JdbcClient jdbc;
    private final MetricsQueries queries;
    private final CurrencyRates rates;
    private final OrganizationService organization;
    private final Clock clock;

    SnapshotService(JdbcClient jdbc, MetricsQueries queries, CurrencyRates rates, OrganizationService organization, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.rates = rates;
        this.organization = organization;
        this.clock = clock;
    }

    /** The whole company's open pipeline, now (the weekly timer). */
    public long takeWeekly() {
        return take(SnapshotKind.WEEKLY, null, null, SYSTEM, LocalDateTime.now(clock));
    }

    /**
     * Copies the open pipeline (the funnel's open deals; out-of-funnel deals are no pipeline) of a person's branch (the whole company when personId is null) as they stand now.
     * @return the snapshot's id
     */
    public long take(SnapshotKind kind, Long cycleId, String personId, String takenBy, LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into pipeline_snapshot (taken_at, kind, cycle_id, person_id, taken_by) values (?, ?, ?, ?, ?)")
                .params(at, kind.name(), cycleId, personId, takenBy).update(key, "id");
        long id = key.getKey().longValue();
        Map<String, Object> params = new HashMap<>();
        String winRate = queries.winRateCase("o", params);
        params.put("snapshot", id);
        if (personId != null) {
            params.put("person", personId);
        }
        // a manager's branch by the recursive query (between INSERT and SELECT: both PostgreSQL and H2 read it there);
        // a rep's own deals by the owner index: PostgreSQL cannot estimate the recursive query's rows and joined the
        // rep against every open deal of the company, half of a weekly commit's database time (issue 15 round 7)
        boolean branch = personId != null && hasReports(personId);
        String sql = """
                insert into pipeline_snapshot_line (snapshot_id, opportunity_id, owner_id, amount, currency, stage_model,
                  stage_code, win_rate, probability, status, expected_close_date, weighted)
                %s select :snapshot, o.id, o.owner_id, o.amount, o.currency, o.stage_model, o.stage_code, %s, o.probability,
                  o.status, o.expected_close_date, round(o.amount * (%s) / 100.0, 2)
                from opportunity o%s where o.status = 'OPEN' and o.in_funnel = true%s""".formatted(branch ? queries.teamSql() : "", winRate, winRate,
                branch ? " join team t on t.id = o.owner_id" : "", personId != null && !branch ? " and o.owner_id = :person" : "");
        jdbc.sql(sql).params(params).update();
        return id;
    }

    /** Whether anyone reports to this person (the branch's recursive query counts leavers too, and so does this). */
    private boolean hasReports(String personId) {
        return jdbc.sql("select count(*) from person where manager_id = ?").param(personId).query(Long.class).single() > 0;
    }

    /** The snapshots that hold the whole pipeline of the person's branch, newest first, with its open deals then. */
    @Transactional(readOnly = true)
    public List<SnapshotRow> list(String personId, int limit) {
        Checks.start().require(limit >= 1 && limit <= 200, "limit must be between 1 and 200, got " + limit + ".").orThrow();
        List<String> holders = new ArrayList<>(organization.managersAbove(personId));
        holders.add(personId);
        List<Object[]> snapshots = jdbc.sql("""
                select s.id, s.taken_at, s.kind, c.cycle_key from pipeline_snapshot s left join cadence_cycle c on c.id = s.cycle_id
                where s.person_id is null or s.person_id in (:holders)
                order by s.taken_at desc, s.id desc fetch first %d rows only""".formatted(limit))
                .param("holders", holders)
                .query((rs, row) -> new Object[] {rs.getLong("id"), rs.getObject("taken_at", LocalDateTime.class),
                        SnapshotKind.valueOf(rs.getString("kind")), rs.getString("cycle_key")}).list();
        if (snapshots.isEmpty()) {
            return List.of();
        }
        // one query for all listed snapshots (not one per snapshot): their open deals of the branch by snapshot,
        // currency and close-date quarter; a deal counts for "this quarter" when its quarter is not after the
        // snapshot's (expected_close_date <= the last day of the snapshot's quarter)
        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, BigDecimal[]> amounts = new HashMap<>();
        Map<Long, Integer> quarterOf = new HashMap<>();
        for (Object[] s : snapshots) {
            LocalDate quarterEnd = lastDayOfQuarter(((LocalDateTime) s[1]).toLocalDate());
            quarterOf.put((Long) s[0], quarterIndex(quarterEnd.getYear(), (quarterEnd.getMonthValue() + 2) / 3));
            counts.put((Long) s[0], new long[] {0, 0});
            amounts.put((Long) s[0], new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }
        jdbc.sql(queries.teamSql() + """
                select l.snapshot_id, l.currency, extract(year from l.expected_close_date) as close_year,
                  extract(quarter from l.expected_close_date) as close_quarter, count(*) as deals, sum(l.amount) as total
                from pipeline_snapshot_line l join team t on t.id = l.owner_id where l.snapshot_id in (:snapshots)
                group by l.snapshot_id, l.currency, extract(year from l.expected_close_date), extract(quarter from l.expected_close_date)""")
                .param("person", personId).param("snapshots", new ArrayList<>(counts.keySet()))
                .query(rs -> {
                    long id = rs.getLong("snapshot_id");
                    long deals = rs.getLong("deals");
                    BigDecimal total = rates.toBase(rs.getString("currency"), rs.getBigDecimal("total"));
                    long[] count = counts.get(id);
                    BigDecimal[] amount = amounts.get(id);
                    count[0] += deals;
                    amount[0] = amount[0].add(total);
                    int year = rs.getInt("close_year");
                    boolean dated = !rs.wasNull();
                    if (dated && quarterIndex(year, rs.getInt("close_quarter")) <= quarterOf.get(id)) {
                        count[1] += deals;
                        amount[1] = amount[1].add(total);
                    }
                });
        List<SnapshotRow> rows = new ArrayList<>();
        for (Object[] s : snapshots) {
            long id = (Long) s[0];
            LocalDateTime takenAt = (LocalDateTime) s[1];
            long[] count = counts.get(id);
            BigDecimal[] amount = amounts.get(id);
            rows.add(new SnapshotRow(id, takenAt, (SnapshotKind) s[2], (String) s[3], count[0],
                    amount[0].setScale(2, RoundingMode.HALF_UP), lastDayOfQuarter(takenAt.toLocalDate()), count[1],
                    amount[1].setScale(2, RoundingMode.HALF_UP)));
        }
        return rows;
    }

    @Transactional(readOnly = true)
    public SnapshotRow get(long id, String personId) {
        return list(personId, 200).stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("No snapshot " + id + " holding the pipeline of '" + personId + "'."));
    }

    /**
     * What changed in the person's branch from the week's baseline ({@link WeekBaseline}: the newest weekly snapshot,
     * not one taken by hand or at a submission) to the live pipeline.
     */
    @Transactional(readOnly = true)
    public Changes changesThisWeek(String personId, LocalDate until, int limit) {
        SnapshotRow baseline = WeekBaseline.pick(list(personId, 200)).orElseThrow(() -> new NotFoundException(
                "还没有包含该人员商机的快照。 / No snapshot holds the pipeline of '" + personId + "' yet."));
        return changes(personId, baseline.id(), null, until, limit);
    }

    /**
     * What changed in the person's branch from a snapshot to another (toId null: the live pipeline), for the
     * open deals expected to close by {@code until} (default: the end of the quarter of the later moment).
     */
    @Transactional(readOnly = true)
    public Changes changes(String personId, long fromId, Long toId, LocalDate until, int limit) {
        Checks.start().require(limit >= 1 && limit <= 1000, "limit must be between 1 and 1000, got " + limit + ".").orThrow();
        Moment from = moment(fromId, personId);
        Moment to = toId == null ? new Moment(null, LocalDateTime.now(clock)) : moment(toId, personId);
        if (!to.takenAt().isAfter(from.takenAt())) {
            throw new ValidationException("Snapshot " + fromId + " must be older than " + (toId == null ? "now" : "snapshot " + toId) + ".");
        }
        LocalDate scope = until != null ? until : lastDayOfQuarter(to.takenAt().toLocalDate());
        Map<Long, WaterfallRules.Deal> start = snapshotDeals(fromId, personId);
        Map<Long, WaterfallRules.Deal> end = toId == null ? liveDeals(personId) : snapshotDeals(toId, personId);
        Map<Long, String[]> closed = new HashMap<>();
        jdbc.sql(queries.teamSql() + """
                select o.id, o.stage_code, o.status from opportunity o join team t on t.id = o.owner_id
                where o.status in ('WON', 'LOST') and o.closed_at >= :from and o.closed_at <= :to""")
                .param("person", personId).param("from", from.takenAt()).param("to", to.takenAt())
                .query(rs -> {
                    closed.put(rs.getLong("id"), new String[] {rs.getString("stage_code"), rs.getString("status")});
                });
        WaterfallRules.Result result = WaterfallRules.compare(start, end, closed, scope, limit);
        return new Changes(personId, from, to, scope, result.startAmount(), result.endAmount(), result.waterfall(),
                result.stageMoved(), result.changes(), names(result.changes().stream().map(WaterfallRules.Change::owner).toList()));
    }

    /** The owners' names by login, in one statement: people read names, not logins. */
    private Map<String, String> names(List<String> logins) {
        Map<String, String> names = new java.util.TreeMap<>();
        List<String> distinct = logins.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (!distinct.isEmpty()) {
            jdbc.sql("select id, full_name from person where id in (:ids)").param("ids", distinct)
                    .query(rs -> {
                        names.put(rs.getString("id"), rs.getString("full_name"));
                    });
        }
        return names;
    }

    /** The last day of the date's quarter: the default scope of /changes and of a listed snapshot's "this quarter". */
    static LocalDate lastDayOfQuarter(LocalDate date) {
        return Periods.of(date).quarterEnd().minusDays(1);
    }

    private static int quarterIndex(int year, int quarter) {
        return year * 4 + quarter;
    }

    private Moment moment(long id, String personId) {
        SnapshotRow row = get(id, personId);
        return new Moment(row.id(), row.takenAt());
    }

    private Map<Long, WaterfallRules.Deal> snapshotDeals(long snapshotId, String personId) {
        Map<Long, WaterfallRules.Deal> deals = new LinkedHashMap<>();
        jdbc.sql(queries.teamSql() + """
                select l.opportunity_id as id, o.name, l.owner_id, l.amount, l.currency, l.stage_code, l.expected_close_date
                from pipeline_snapshot_line l join team t on t.id = l.owner_id join opportunity o on o.id = l.opportunity_id
                where l.snapshot_id = :snapshot and l.status = 'OPEN'""")
                .param("person", personId).param("snapshot", snapshotId)
                .query(rs -> {
                    deals.put(rs.getLong("id"), deal(rs));
                });
        return deals;
    }

    private Map<Long, WaterfallRules.Deal> liveDeals(String personId) {
        Map<Long, WaterfallRules.Deal> deals = new LinkedHashMap<>();
        jdbc.sql(queries.teamSql() + """
                select o.id, o.name, o.owner_id, o.amount, o.currency, o.stage_code, o.expected_close_date
                from opportunity o join team t on t.id = o.owner_id where o.status = 'OPEN' and o.in_funnel = true""")
                .param("person", personId)
                .query(rs -> {
                    deals.put(rs.getLong("id"), deal(rs));
                });
        return deals;
    }

    private WaterfallRules.Deal deal(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new WaterfallRules.Deal(rs.getLong("id"), rs.getString("name"), rs.getString("owner_id"),
                rates.toBase(rs.getString("currency"), rs.getBigDecimal("amount")).setScale(2, RoundingMode.HALF_UP),
                rs.getString("stage_code"), rs.getObject("expected_close_date", LocalDate.class));
    }
}

package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.pipeline.stage.StageModelCatalog;

// Over 250 lines (issue 14 item 6): the pipeline's figures other modules read, each a set-based query over the opportunity table, with their shared chunking.
/**
 * Sums of the pipeline, aggregated in the database: booked sales in a period, the weighted forecast
 * (open amount x the stage's win rate, from the stage model), won deals and their unfulfilled part.
 */
@Service
@Transactional(readOnly = true)
public class PipelineFigures {

    private final JdbcClient jdbc;
    private final StageModelCatalog stageModels;
    private final com.salescadence.common.CurrencyRates rates;
    private final KeptFigures kept;
    private final StageRates stageRates;
    private final java.time.Clock clock;

    PipelineFigures(JdbcClient jdbc, StageModelCatalog stageModels, com.salescadence.common.CurrencyRates rates, KeptFigures kept,
                    StageRates stageRates, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.kept = kept;
        this.stageModels = stageModels;
        this.rates = rates;
        this.stageRates = stageRates;
        this.clock = clock;
    }

    /** Won deals closed in [from, to), out-of-funnel sales included. */
    public BigDecimal booked(Collection<String> owners, LocalDate from, LocalDate to) {
        if (owners.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return jdbc.sql("""
                select coalesce(sum(amount), 0) from opportunity
                where status = 'WON' and owner_id in (:owners) and closed_at >= :from and closed_at < :to""")
                .param("owners", owners).param("from", from.atStartOfDay()).param("to", to.atStartOfDay())
                .query(BigDecimal.class).single();
    }

    /**
     * {@link #booked} of each of these owners alone, read at once (statements constant in the number of owners);
     * an owner without a won deal in [from, to) is absent.
     */
    public Map<String, BigDecimal> bookedByOwner(Collection<String> owners, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> byOwner = new HashMap<>();
        if (!owners.isEmpty()) {
            Set<String> wanted = owners instanceof Set<String> set ? set : new HashSet<>(owners);
            forOwners(owners, "owner_id", "select owner_id, sum(amount) as total from opportunity"
                    + " where status = 'WON' and closed_at >= :from and closed_at < :to", " group by owner_id",
                    Map.of("from", from.atStartOfDay(), "to", to.atStartOfDay()), rs -> {
                        if (wanted.contains(rs.getString("owner_id"))) {
                            byOwner.put(rs.getString("owner_id"), rs.getBigDecimal("total"));
                        }
                    });
        }
        return byOwner;
    }

    /**
     * Won deals closed in [from, to) per owner and day (out-of-funnel sales included, as {@link #booked}), read at once
     * for all the owners: an owner or day without a won deal is absent.
     */
    public Map<String, Map<LocalDate, BigDecimal>> bookedByOwnerAndDay(Collection<String> owners, LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, BigDecimal>> byOwner = new HashMap<>();
        if (!owners.isEmpty()) {
            Set<String> wanted = owners instanceof Set<String> set ? set : new HashSet<>(owners);
            forOwners(owners, "owner_id", "select owner_id, cast(closed_at as date) as closed_day, sum(amount) as total from opportunity"
                    + " where status = 'WON' and closed_at >= :from and closed_at < :to", " group by owner_id, cast(closed_at as date)",
                    Map.of("from", from.atStartOfDay(), "to", to.atStartOfDay()), rs -> {
                        if (wanted.contains(rs.getString("owner_id"))) {
                            byOwner.computeIfAbsent(rs.getString("owner_id"), k -> new HashMap<>())
                                    .merge(rs.getObject("closed_day", LocalDate.class), rs.getBigDecimal("total"), BigDecimal::add);
                        }
                    });
        }
        return byOwner;
    }

    /**
     * Sum over open deals expected to close in [from, to) of their weighted amount ("the forecast": amount x the win
     * rate of their stage as {@link StageRates} weighs it today): the funnel's deals only (open out-of-funnel deals are no
     * pipeline, here and in {@link #byOwner} and {@link #largestOpen}).
     */
    public BigDecimal weightedOpen(Collection<String> owners, LocalDate from, LocalDate to) {
        if (owners.isEmpty()) {
            return BigDecimal.ZERO;
        }
        Map<String, Map<String, BigDecimal[]>> open = new HashMap<>();
        jdbc.sql("""
                select owner_id, stage_model, stage_code, sum(amount) as total, sum(amount * probability) as claimed from opportunity
                where status = 'OPEN' and in_funnel = true and owner_id in (:owners) and expected_close_date >= :from and expected_close_date < :to
                group by owner_id, stage_model, stage_code""")
                .param("owners", owners).param("from", from).param("to", to)
                .query(rs -> {
                    open.computeIfAbsent(rs.getString("owner_id"), k -> new HashMap<>()).put(rs.getString("stage_model") + "/"
                            + rs.getString("stage_code"), new BigDecimal[] {rs.getBigDecimal("total"), rs.getBigDecimal("claimed")});
                });
        return weigh(stageRates.asOf(LocalDate.now(clock)), open);
    }

    /**
     * The weighted amount of open deals given per owner and stage ("model/code" -> {amount, amount x claimed percent}):
     * each owner's weighed by {@link StageRates} (unrounded), added up per stage and each stage's sum rounded to cents
     * (with the configured rates: sum over stages of the stage's amount x its win rate, as before the setting).
     */
    private BigDecimal weigh(StageRates.Weighing weighing, Map<String, Map<String, BigDecimal[]>> open) {
        Map<String, BigDecimal> byStage = new HashMap<>();
        open.forEach((owner, stages) -> stages.forEach((key, sums) -> {
            String[] stage = key.split("/", 2);
            int winRate = stageModels.model(stage[0]).find(stage[1]).map(s -> s.winRate()).orElse(0);
            BigDecimal configured = sums[0].multiply(BigDecimal.valueOf(winRate)).movePointLeft(2);
            BigDecimal claimed = sums[1] == null ? BigDecimal.ZERO : sums[1].movePointLeft(2);
            byStage.merge(key, weighing.weigh(owner, stage[0], stage[1], sums[0], configured, claimed), BigDecimal::add);
        }));
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal stage : byStage.values()) {
            total = total.add(stage.setScale(2, RoundingMode.HALF_UP));
        }
        return total;
    }

    /** Won deals (the orders) and the part of them not paid yet. */
    public record Orders(BigDecimal total, BigDecimal unfulfilled) {
    }

    /**
     * Open out-of-funnel deals of these owners (any close date), by owner: no pipeline, shown beside it ("small deals
     * in progress"), amounts in the base currency as the metrics show them; read from the kept figures. An owner without any is absent;
     * {@link SmallDeals#of} adds up a group of owners.
     */
    public Map<String, SmallDeals> smallOpenByOwner(Collection<String> owners) {
        Map<String, SmallDeals> byOwner = new HashMap<>();
        if (!owners.isEmpty()) {
            Set<String> wanted = owners instanceof Set<String> set ? set : new HashSet<>(owners);
            // the kept month buckets of open small deals, summed per owner and currency, then converted as one amount
            Map<String, Map<String, SmallDeals>> byCurrency = new HashMap<>();
            forOwners(owners, List.of("OPEN"), "grain = 'M' and in_funnel = false", Map.of(), (key, amount, claimed, deals) -> {
                if (wanted.contains(key.ownerId())) {
                    byCurrency.computeIfAbsent(key.ownerId(), k -> new HashMap<>())
                            .merge(key.currency(), new SmallDeals(deals, amount), SmallDeals::plus);
                }
            });
            toBase(byCurrency, byOwner);
        }
        return byOwner;
    }

    /** Small deals per owner and currency converted to the base currency, as one amount per owner and currency. */
    private void toBase(Map<String, Map<String, SmallDeals>> byCurrency, Map<String, SmallDeals> byOwner) {
        byCurrency.forEach((owner, currencies) -> currencies.forEach((currency, deals) -> byOwner.merge(owner,
                new SmallDeals(deals.count(), rates.toBase(currency, deals.amount())), SmallDeals::plus)));
    }

    /** {@link #byOwner} and {@link #smallOpenByOwner} of the same owners, read together. */
    public record WithSmall(ByOwner pipeline, Map<String, SmallDeals> small) {
    }

    /**
     * {@link #byOwner} and {@link #smallOpenByOwner} of the same owners, the figures of a first-line view (issue 15 round
     * 7b): for a few owners the kept buckets of every range of the periods and the open small deals are read in one
     * statement (one round trip, not one per range and one more for the small deals: on PostgreSQL each round trip cost
     * more than its index lookups), the orders in a second; for very many owners as the two methods read them.
     */
    public WithSmall byOwnerWithSmall(Collection<String> owners, List<Period> periods, Period wonIn) {
        if (owners.isEmpty() || periods.isEmpty() || scanAll(owners)) {
            return new WithSmall(byOwner(owners, periods, wonIn), smallOpenByOwner(owners));
        }
        Set<String> wanted = owners instanceof Set<String> set ? set : new HashSet<>(owners);
        ByOwner sums = new ByOwner(owners, periods.size());
        List<KeptPeriod> keptPeriods = periods.stream().map(KeptPeriod::of).toList();
        KeptFigures.BucketHandler add = adder(keptPeriods, sums);
        List<KeptFigures.Part> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        forRanges(keptPeriods, (grain, range) -> {
            int i = parts.size();
            parts.add(new KeptFigures.Part(List.of("WON", "OPEN"), "grain = '" + grain + "' and bucket >= :from" + i + " and bucket < :to" + i));
            params.put("from" + i, range.from());
            params.put("to" + i, range.to());
        });
        int smallPart = parts.size();
        parts.add(new KeptFigures.Part(List.of("OPEN"), "grain = 'M' and in_funnel = false"));
        Map<String, Map<String, SmallDeals>> byCurrency = new HashMap<>();
        for (List<String> chunk : chunks(owners)) {
            kept.readOfParts(chunk, parts, params, (part, key, amount, claimed, deals) -> {
                if (part != smallPart) {
                    add.bucket(key, amount, claimed, deals);
                } else if (wanted.contains(key.ownerId())) {
                    byCurrency.computeIfAbsent(key.ownerId(), k -> new HashMap<>())
                            .merge(key.currency(), new SmallDeals(deals, amount), SmallDeals::plus);
                }
            });
        }
        Map<String, SmallDeals> small = new HashMap<>();
        toBase(byCurrency, small);
        orders(owners, wonIn, sums);
        return new WithSmall(sums, small);
    }

    /** How many open out-of-funnel deals, and their amount. */
    public record SmallDeals(long count, BigDecimal amount) {
        public static final SmallDeals NONE = new SmallDeals(0, BigDecimal.ZERO);

        public SmallDeals plus(SmallDeals other) {
            return new SmallDeals(count + other.count, amount.add(other.amount));
        }

        /** The sum of these owners' small deals, from {@link PipelineFigures#smallOpenByOwner}. */
        public static SmallDeals of(Map<String, SmallDeals> byOwner, Collection<String> owners) {
            SmallDeals total = NONE;
            for (String owner : owners) {
                total = total.plus(byOwner.getOrDefault(owner, NONE));
            }
            return total;
        }
    }

    /** A period of days [from, to). */
    public record Period(LocalDate from, LocalDate to) {
    }

    /**
     * The figures of many owners at once, for adding up per group of owners in memory: booked sales and open
     * amounts by stage in each of the periods, read from the kept figures ({@link KeptFigures}: each period's whole
     * months from the month buckets, its edges from the day buckets), and the orders: for a few owners by a second
     * query over their won deals of {@code wonIn} (index on owner, status and close time); for everyone (the top view)
     * their total from the kept figures too and only the paid part from the deals. {@link ByOwner#booked} and
     * {@link ByOwner#weightedOpen} of any subset of the owners equal {@link #booked} and {@link #weightedOpen} of that
     * subset (the stage weighting applied here, when read, by {@link #weigh}); {@link ByOwner#orders} are the deals
     * won in {@code wonIn} and the part of them not paid (no order, credit refused or unpaid), the unfulfilled
     * share's scope in the metrics.
     */
    public ByOwner byOwner(Collection<String> owners, List<Period> periods, Period wonIn) {
        return byOwner(owners, periods, wonIn, !owners.isEmpty() && !periods.isEmpty() && scanAll(owners));
    }

    /**
     * {@link #byOwner}, read for everyone at once ({@code wholeTable}: everyone's kept buckets of the periods, other
     * owners' skipped, and the orders' total from them too, only its paid part from the deals) or per owner (each
     * owner's buckets by the owner index, the orders from their won deals). Both give the same figures; the property
     * test compares them.
     */
    ByOwner byOwner(Collection<String> owners, List<Period> periods, Period wonIn, boolean wholeTable) {
        ByOwner sums = new ByOwner(owners, periods.size());
        if (owners.isEmpty() || periods.isEmpty()) {
            return sums;
        }
        List<KeptPeriod> kept = periods.stream().map(KeptPeriod::of).toList();
        if (wholeTable) {
            // everyone's buckets, a range of the (grain, bucket) index per segment (other owners' skipped), and the
            // orders' total as one more period of the won buckets: only their paid part is read from the deals
            List<KeptPeriod> withOrders = new ArrayList<>(kept);
            withOrders.add(KeptPeriod.of(wonIn));
            int ordersIndex = kept.size();
            forSegments(withOrders, (grain, segment, counted) -> {
                // the periods that count this segment's buckets, the orders' apart
                int[] inPeriods = java.util.Arrays.stream(counted).filter(i -> i != ordersIndex).toArray();
                boolean inOrders = java.util.Arrays.stream(counted).anyMatch(i -> i == ordersIndex);
                this.kept.readSums(grain, segment.from(), segment.to(), (owner, won, stageModel, stageCode, amount, claimed) -> {
                    int o = sums.owner(owner);
                    if (o < 0) {
                        return;
                    }
                    if (won) {
                        for (int i : inPeriods) {
                            sums.addBooked(o, i, amount);
                        }
                        if (inOrders) {   // all unpaid until unpaidOfEveryone subtracts the paid part
                            sums.addOrder(o, amount);
                        }
                    } else if (inPeriods.length > 0) {
                        int stage = sums.stage(stageModel, stageCode);
                        for (int i : inPeriods) {
                            sums.addOpen(o, i, stage, amount, claimed);
                        }
                    }
                });
            });
            unpaidOfEveryone(wonIn, sums);
        } else {
            // each owner's (and status's) buckets by the owner index, the owners joined as a list
            KeptFigures.BucketHandler add = adder(kept, sums);
            forRanges(kept, (grain, range) -> {
                for (List<String> chunk : chunks(owners)) {
                    this.kept.readOf(chunk, List.of("WON", "OPEN"), "grain = '" + grain + "' and bucket >= :from and bucket < :to",
                            Map.of("from", range.from(), "to", range.to()), add);
                }
            });
            orders(owners, wonIn, sums);
        }
        return sums;
    }

    /** One segment of {@link #forSegments}: its grain, its days, the indexes of the periods that count its buckets. */
    @FunctionalInterface
    interface SegmentReader {
        void read(char grain, Period segment, int[] counted);
    }

    /**
     * Runs {@code read} for each grain's ranges of these periods ('M' the whole months, 'D' the days at the edges) cut
     * at every period's bounds into disjoint segments, each with the periods that count every bucket in it: a bucket
     * row is read once however many periods count it, each read is one range of an index, and the rows need not carry
     * their grain and day to be added (the whole-table path, issue 15 round 8).
     */
    static void forSegments(List<KeptPeriod> kept, SegmentReader read) {
        Map<Character, java.util.TreeSet<LocalDate>> bounds = new java.util.TreeMap<>();
        for (KeptPeriod period : kept) {
            for (Period range : period.ranges()) {
                java.util.TreeSet<LocalDate> cuts = bounds.computeIfAbsent(range == period.months() ? 'M' : 'D', g -> new java.util.TreeSet<>());
                cuts.add(range.from());
                cuts.add(range.to());
            }
        }
        bounds.forEach((grain, cuts) -> {
            LocalDate from = null;
            for (LocalDate to : cuts) {
                if (from != null) {
                    List<Integer> counted = new ArrayList<>();
                    for (int i = 0; i < kept.size(); i++) {
                        // the same for every bucket of [from, to): no period's range starts or ends inside it
                        if (kept.get(i).counts(grain, grain == 'M' ? from.withDayOfMonth(1) : from)) {
                            counted.add(i);
                        }
                    }
                    if (!counted.isEmpty()) {
                        read.read(grain, new Period(from, to), counted.stream().mapToInt(Integer::intValue).toArray());
                    }
                }
                from = to;
            }
        });
    }

    /**
     * Runs {@code read} for each grain's ranges of these periods ('M' the whole months, 'D' the days at the edges),
     * merged into disjoint ones: a bucket row is read once however many periods count it, and each read is one range
     * of an index (an OR of ranges made H2 read the whole table).
     */
    private static void forRanges(List<KeptPeriod> kept, java.util.function.BiConsumer<Character, Period> read) {
        Map<Character, List<Period>> ranges = new java.util.TreeMap<>();
        for (KeptPeriod period : kept) {
            for (Period range : period.ranges()) {
                ranges.computeIfAbsent(range == period.months() ? 'M' : 'D', g -> new ArrayList<>()).add(range);
            }
        }
        ranges.forEach((grain, list) -> disjoint(list).forEach(range -> read.accept(grain, range)));
    }

    /**
     * Adds a bucket as read (the first-line views' path) to every period that counts it: a won bucket to the booked
     * sales, an open funnel bucket to the open amounts by stage; other owners' buckets and open small deals (no
     * pipeline) are skipped.
     */
    private static KeptFigures.BucketHandler adder(List<KeptPeriod> kept, ByOwner sums) {
        return (key, amount, claimed, deals) -> {
            int owner = sums.owner(key.ownerId());
            if (owner < 0 || ("OPEN".equals(key.status()) && !key.inFunnel())) {
                return;
            }
            boolean won = "WON".equals(key.status());
            for (int i = 0; i < kept.size(); i++) {
                if (!kept.get(i).counts(key.grain(), key.bucket())) {
                    continue;
                }
                if (won) {
                    sums.addBooked(owner, i, amount);
                } else {
                    sums.addOpen(owner, i, sums.stage(key.stageModel(), key.stageCode()), amount, claimed);
                }
            }
        };
    }

    /**
     * The paid part of everyone's orders (their totals from the kept figures, read with the periods) subtracted: the
     * won deals of {@code wonIn} whose order is paid (a deal has at most one order), the one state the kept figures do
     * not hold (the cash flows change it). Reading every won deal of the period and its order for its status instead
     * took most of the top view on PostgreSQL (19,078 deals on 11,791 pages of {@code opportunity} at 1,000,000 deals:
     * about 1 s at load 18); a paid order is found from {@code sales_order} or from the deals, as the database plans it.
     */
    private void unpaidOfEveryone(Period wonIn, ByOwner sums) {
        jdbc.sql("""
                select d.owner_id, sum(d.amount) as paid from sales_order o join opportunity d on d.id = o.opportunity_id
                where o.status = 'PAID' and d.status = 'WON' and d.closed_at >= :wonFrom and d.closed_at < :wonTo group by d.owner_id""")
                .param("wonFrom", wonIn.from().atStartOfDay()).param("wonTo", wonIn.to().atStartOfDay())
                .query(rs -> {
                    int owner = sums.owner(rs.getString("owner_id"));
                    Orders orders = owner < 0 ? null : sums.orders[owner];
                    if (orders != null) {
                        sums.orders[owner] = new Orders(orders.total(), orders.unfulfilled().subtract(rs.getBigDecimal("paid")));
                    }
                });
    }

    /** The orders of {@link #byOwner}: deals won in {@code wonIn} per owner and the part of them not paid. */
    private void orders(Collection<String> owners, Period wonIn, ByOwner sums) {
        // the owners joined as a list: each owner's won deals of the period by the (owner_id, status, closed_at) index
        String orders = """
                select d.owner_id, sum(d.amount) as total, sum(case when o.status = 'PAID' then 0 else d.amount end) as unfulfilled
                from %s left join sales_order o on o.opportunity_id = d.id
                where d.status = 'WON' and d.closed_at >= :wonFrom and d.closed_at < :wonTo group by d.owner_id""";
        org.springframework.jdbc.core.RowCallbackHandler order = rs -> {
            int owner = sums.owner(rs.getString("owner_id"));
            if (owner >= 0) {
                sums.orders[owner] = new Orders(rs.getBigDecimal("total"), rs.getBigDecimal("unfulfilled"));
            }
        };
        Map<String, Object> wonParams = Map.of("wonFrom", wonIn.from().atStartOfDay(), "wonTo", wonIn.to().atStartOfDay());
        for (List<String> chunk : chunks(owners)) {
            Map<String, Object> params = new HashMap<>(wonParams);
            String team = OwnerValues.table(chunk, params) + " join opportunity d on d.owner_id = t.owner_id";
            jdbc.sql(orders.formatted(team)).params(params).query(order);
        }
    }

    /**
     * Open deals of these owners closing before a day, largest first: at least the {@code limit} largest, with
     * every deal of the same amount as the last of them (so the caller orders ties itself). A few owners' deals are
     * read as each owner's {@code limit} largest with ties (the owners' {@code limit} largest with ties are among
     * them: a deal of that set has fewer than {@code limit} larger deals in the team, so fewer in its owner's) from the
     * index on owner, status, funnel flag and amount; for very many owners the largest deals of everyone are read by
     * the index on status and amount until enough of them are the owners'.
     */
    public List<OpenDeal> largestOpen(Collection<String> owners, LocalDate before, int limit) {
        if (owners.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = owners instanceof Set<String> set ? set : new HashSet<>(owners);
        String columns = "select id, owner_id, name, amount, stage_model, stage_code, expected_close_date from opportunity";
        List<OpenDeal> deals = new ArrayList<>();
        if (!scanAll(owners)) {
            // a few owners: each owner's largest deals from the top of their (owner_id, status, in_funnel, amount)
            // index, a few rows each, all owners in one statement (a UNION ALL of one query per owner): the team's
            // `limit` largest with ties are among them. Reading every open deal of the team by the owner index and
            // sorting took most of a first-line view (about 2,000 rows per team of 8 at 1,000,000 deals).
            // H2 (no LATERAL): a union; it walks the index backwards and stops after a few rows ("index sorted") when
            // the order names every column of the index; without the hint it chose (owner_id, status,
            // expected_close_date) and sorted
            if (kept.postgres()) {
                // PostgreSQL plans a union's every subquery (3 ms for 9 owners, more than they take to run): one
                // subquery run per owner of the list instead (0.7 ms for the 9 at 1,000,000 deals)
                for (List<String> chunk : chunks(owners)) {
                    Map<String, Object> params = new HashMap<>(Map.of("before", before));
                    jdbc.sql("select d.* from " + OwnerValues.table(chunk, params) + " cross join lateral (" + columns
                                    + " where owner_id = t.owner_id and status = 'OPEN' and in_funnel = true and expected_close_date < :before"
                                    + " order by amount desc fetch first " + limit + " rows with ties) d")
                            .params(params).query(rs -> {
                                deals.add(openDeal(rs));
                            });
                }
                deals.sort(java.util.Comparator.comparing(OpenDeal::amount).reversed());
                return deals;
            }
            String perOwner = "(" + columns + " use index (ix_opportunity_owner_open_amount)"
                    + " where owner_id = ? and status = 'OPEN' and in_funnel = true and expected_close_date < ?"
                    + " order by owner_id desc, status desc, in_funnel desc, amount desc fetch first " + limit + " rows with ties)";
            for (List<String> chunk : chunks(owners, OWNERS_PER_UNION)) {
                List<Object> params = new ArrayList<>();
                chunk.forEach(owner -> {
                    params.add(owner);
                    params.add(before);
                });
                jdbc.sql(String.join(" union all ", java.util.Collections.nCopies(chunk.size(), perOwner)))
                        .params(params).query(rs -> {
                            deals.add(openDeal(rs));
                        });
            }
            deals.sort(java.util.Comparator.comparing(OpenDeal::amount).reversed());
            return deals;
        }
        // the largest deals of everyone until enough of them are the owners': "status desc" first (one status, so the
        // same order) lets H2 walk the (status, amount) index backwards and stop after n rows ("index sorted"); by
        // amount alone it sorted every open deal (about 1 s per 100,000 on this machine); PostgreSQL walks it either way
        String byIndex = " order by status desc, amount desc fetch first %d rows with ties";
        // H2 picks by cost among the indexes that start with status and took (status, stage_code) or (status,
        // closed_at), sorting every open deal: 6-10 s at 1,000,000 deals against 0.15 s through (status, amount)
        String walk = columns + (kept.postgres() ? "" : " use index (ix_opportunity_open_amount)")
                + " where status = 'OPEN' and in_funnel = true and expected_close_date < :before";
        for (int n = limit * 4; ; n *= 4) {
            deals.clear();
            int[] read = {0};
            jdbc.sql(walk + byIndex.formatted(n)).param("before", before).query(rs -> {
                read[0]++;
                if (wanted.contains(rs.getString("owner_id"))) {
                    deals.add(openDeal(rs));
                }
            });
            if (deals.size() >= limit || read[0] < n) {
                return deals;
            }
        }
    }

    public record OpenDeal(long id, String ownerId, String name, BigDecimal amount, String stageModel, String stageCode,
                           LocalDate expectedCloseDate) {
    }

    private static OpenDeal openDeal(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OpenDeal(rs.getLong("id"), rs.getString("owner_id"), rs.getString("name"), rs.getBigDecimal("amount"),
                rs.getString("stage_model"), rs.getString("stage_code"), rs.getDate("expected_close_date").toLocalDate());
    }

    /** The union of these ranges as disjoint ranges, in order (overlapping and touching ones joined). */
    static List<Period> disjoint(List<Period> ranges) {
        List<Period> sorted = new ArrayList<>(ranges);
        sorted.sort(java.util.Comparator.comparing(Period::from));
        List<Period> union = new ArrayList<>();
        for (Period range : sorted) {
            if (!range.from().isBefore(range.to())) {
                continue;
            }
            Period last = union.isEmpty() ? null : union.get(union.size() - 1);
            if (last != null && !range.from().isAfter(last.to())) {
                union.set(union.size() - 1, new Period(last.from(), range.to().isAfter(last.to()) ? range.to() : last.to()));
            } else {
                union.add(range);
            }
        }
        return union;
    }

    /** Owners per statement of {@link #largestOpen}'s per-owner union (each a subquery of its own to plan). */
    static final int OWNERS_PER_UNION = 50;

    /** Owners per IN list (well below PostgreSQL's 32,767 parameters per statement). */
    static final int CHUNK = 1_000;

    /**
     * Whether one query over everyone's rows (the owners' kept in memory) beats looking the owners up by index:
     * when they are a quarter of the people or more (a top-level roll-up).
     */
    private boolean scanAll(Collection<String> owners) {
        return owners.size() > CHUNK / 10
                && owners.size() * 4L >= jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    /**
     * Runs {@code where + [and owner_id in (chunk)] + tail} for the owners in chunks, or once for everyone
     * (rows of other owners are the caller's to skip) when there are very many of them.
     */
    private void forOwners(Collection<String> owners, String ownerColumn, String where, String tail, Map<String, Object> params,
                           org.springframework.jdbc.core.RowCallbackHandler rows) {
        if (scanAll(owners)) {
            jdbc.sql(where + tail).params(params).query(rows);
            return;
        }
        List<String> list = List.copyOf(owners);
        for (int i = 0; i < list.size(); i += CHUNK) {
            jdbc.sql(where + " and " + ownerColumn + " in (:owners)" + tail).params(params)
                    .param("owners", list.subList(i, Math.min(list.size(), i + CHUNK))).query(rows);
        }
    }

    /**
     * The kept buckets ({@link KeptFigures}) of these statuses that {@code where} selects for these owners: by the
     * owner index per owner and status (the owners joined as a list, in chunks), or everyone's at once (other owners'
     * for the caller to skip) when there are very many of them.
     */
    private void forOwners(Collection<String> owners, List<String> statuses, String where, Map<String, Object> params,
                           KeptFigures.BucketHandler rows) {
        if (scanAll(owners)) {
            kept.read(where + " and status in ('" + String.join("', '", statuses) + "')", params, rows);
            return;
        }
        for (List<String> chunk : chunks(owners)) {
            kept.readOf(chunk, statuses, where, params, rows);
        }
    }

    /** The owners in lists of {@link #CHUNK}. */
    private static List<List<String>> chunks(Collection<String> owners) {
        return chunks(owners, CHUNK);
    }

    /** The owners in lists of {@code size}. */
    private static List<List<String>> chunks(Collection<String> owners, int size) {
        List<String> list = List.copyOf(owners);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            chunks.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return chunks;
    }

    /**
     * Figures per owner from {@link #byOwner}, summed per group of owners on demand: the owners asked numbered once
     * (an index into arrays), the stages too, so that adding a bucket row is an index lookup and a few array cells,
     * not a map per owner and stage (the top view adds 187,673 rows at 1,000,000 deals: issue 15 round 8).
     */
    public final class ByOwner {
        private final int periods;
        /** The owners asked, each to its index into the arrays below; other owners' rows are skipped. */
        private final Map<String, Integer> owners;
        /** Per owner: per period the booked sum (null: none). */
        private final BigDecimal[][] booked;
        /** Per owner: per stage index, per period i: [2i] the open amount, [2i + 1] the amount x the claimed percent. */
        private final BigDecimal[][][] open;
        /** Per owner: the orders (null: no won deal in the period). */
        private final Orders[] orders;
        private final List<String[]> stages = new ArrayList<>();
        private final Map<String, Map<String, Integer>> stageIndex = new HashMap<>();
        private final List<Integer> winRates = new ArrayList<>();
        private final StageRates.Weighing weighing = stageRates.asOf(LocalDate.now(clock));

        private ByOwner(Collection<String> owners, int periods) {
            this.periods = periods;
            this.owners = new HashMap<>(owners.size() * 2);
            for (String owner : owners) {
                this.owners.putIfAbsent(owner, this.owners.size());
            }
            booked = new BigDecimal[this.owners.size()][];
            open = new BigDecimal[this.owners.size()][][];
            orders = new Orders[this.owners.size()];
        }

        /** The index of an owner asked, -1 for any other. */
        int owner(String owner) {
            Integer index = owners.get(owner);
            return index == null ? -1 : index;
        }

        /** The index of a stage (numbered as they come). */
        int stage(String model, String code) {
            Map<String, Integer> codes = stageIndex.computeIfAbsent(model, m -> new HashMap<>());
            Integer index = codes.get(code);
            if (index == null) {
                index = stages.size();
                codes.put(code, index);
                stages.add(new String[] {model, code});
                winRates.add(null);
            }
            return index;
        }

        private void addBooked(int owner, int period, BigDecimal amount) {
            BigDecimal[] sums = booked[owner];
            if (sums == null) {
                sums = booked[owner] = new BigDecimal[periods];
            }
            sums[period] = sums[period] == null ? amount : sums[period].add(amount);
        }

        private void addOpen(int owner, int period, int stage, BigDecimal amount, BigDecimal claimed) {
            BigDecimal[][] byStage = open[owner];
            if (byStage == null || byStage.length <= stage) {
                byStage = open[owner] = byStage == null ? new BigDecimal[Math.max(stage + 1, stages.size())][]
                        : java.util.Arrays.copyOf(byStage, Math.max(stage + 1, stages.size()));
            }
            BigDecimal[] sums = byStage[stage];
            if (sums == null) {
                sums = byStage[stage] = new BigDecimal[2 * periods];
            }
            sums[2 * period] = sums[2 * period] == null ? amount : sums[2 * period].add(amount);
            BigDecimal c = claimed == null ? BigDecimal.ZERO : claimed;
            sums[2 * period + 1] = sums[2 * period + 1] == null ? c : sums[2 * period + 1].add(c);
        }

        /** Adds a won amount to the orders' total and to their unpaid part (until the paid part is subtracted). */
        private void addOrder(int owner, BigDecimal amount) {
            Orders o = orders[owner];
            orders[owner] = o == null ? new Orders(amount, amount) : new Orders(o.total().add(amount), o.unfulfilled().add(amount));
        }

        /** {@link PipelineFigures#booked} of these owners in the period of that index. */
        public BigDecimal booked(Collection<String> of, int period) {
            BigDecimal total = BigDecimal.ZERO;
            for (String owner : of) {
                int i = owner(owner);
                BigDecimal[] sums = i < 0 ? null : booked[i];
                if (sums != null && sums[period] != null) {
                    total = total.add(sums[period]);
                }
            }
            return total;
        }

        /**
         * {@link PipelineFigures#weightedOpen} of these owners in the period of that index: each owner's stage sums
         * weighed ({@link StageRates}, unrounded), added up per stage, each stage's sum rounded to cents.
         */
        public BigDecimal weightedOpen(Collection<String> of, int period) {
            BigDecimal[] byStage = new BigDecimal[stages.size()];
            for (String owner : of instanceof Set<String> set ? set : new HashSet<>(of)) {   // each owner once
                int i = owner(owner);
                BigDecimal[][] ownerStages = i < 0 ? null : open[i];
                if (ownerStages == null) {
                    continue;
                }
                for (int s = 0; s < ownerStages.length; s++) {
                    BigDecimal[] sums = ownerStages[s];
                    if (sums == null || sums[2 * period] == null) {
                        continue;
                    }
                    String[] stage = stages.get(s);
                    BigDecimal amount = sums[2 * period];
                    BigDecimal configured = amount.multiply(BigDecimal.valueOf(winRate(s))).movePointLeft(2);
                    BigDecimal claimed = sums[2 * period + 1] == null ? BigDecimal.ZERO : sums[2 * period + 1].movePointLeft(2);
                    BigDecimal weighed = weighing.weigh(owner, stage[0], stage[1], amount, configured, claimed);
                    byStage[s] = byStage[s] == null ? weighed : byStage[s].add(weighed);
                }
            }
            BigDecimal total = BigDecimal.ZERO;
            for (BigDecimal stage : byStage) {
                if (stage != null) {
                    total = total.add(stage.setScale(2, RoundingMode.HALF_UP));
                }
            }
            return total;
        }

        /** The stage model's configured win rate of the stage of that index (0 for a stage it does not know). */
        private int winRate(int stage) {
            Integer rate = winRates.get(stage);
            if (rate == null) {
                String[] s = stages.get(stage);
                rate = stageModels.model(s[0]).find(s[1]).map(found -> found.winRate()).orElse(0);
                winRates.set(stage, rate);
            }
            return rate;
        }

        /** Deals won in the period given to {@link PipelineFigures#byOwner} by these owners, and the part not paid. */
        public Orders orders(Collection<String> of) {
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal unfulfilled = BigDecimal.ZERO;
            for (String owner : of) {
                int i = owner(owner);
                Orders o = i < 0 ? null : orders[i];
                if (o != null) {
                    total = total.add(o.total());
                    unfulfilled = unfulfilled.add(o.unfulfilled());
                }
            }
            return new Orders(total, unfulfilled);
        }
    }
}

package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipeline's figures kept ahead of time (table {@code pipeline_figure}, V83): unweighted amount sums, the sums of
 * amount x the claimed probability (percent; the "claimed" forecast method weighs by it) and deal counts per owner, status, funnel flag, stage, currency and close-date bucket, each deal counted once per day and
 * once per month. Every write to {@code opportunity} goes through {@link #added} or {@link #change}, in the
 * transaction of the write (they join it and refuse to run without one): the old rows' contribution is subtracted
 * and the new rows' added. {@link #rebuild} recomputes the whole table from {@code opportunity} (after a bulk load
 * by SQL, and the oracle of the property test). The roll-up reads them through {@link PipelineFigures#byOwner}.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class KeptFigures {

    /** A closed deal without a close time counts on this day: in no period the roll-up reads, as before. */
    static final LocalDate NO_CLOSE_DAY = LocalDate.of(1900, 1, 1);

    private static final String COLUMNS = "owner_id, status, in_funnel, stage_model, stage_code, currency, amount,"
            + " expected_close_date, closed_at, probability";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private volatile Boolean postgres;

    KeptFigures(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One bucket's key: grain 'D' (bucket = the day) or 'M' (bucket = the first day of the month). */
    public record Key(char grain, LocalDate bucket, String status, boolean inFunnel, String ownerId, String stageModel,
                      String stageCode, String currency) {
    }

    /** A bucket's sums: amount, amount x claimed probability (percent), deals. */
    public record Sum(BigDecimal amount, BigDecimal claimed, long deals) {
        Sum plus(Sum other) {
            return new Sum(amount.add(other.amount()), claimed.add(other.claimed()), deals + other.deals());
        }
    }

    /** New opportunities (already inserted in this transaction): their contribution added. */
    public void added(Collection<Long> ids) {
        Map<Key, Sum> delta = new HashMap<>();
        read(ids, false).forEach(row -> contribute(delta, row, 1));
        apply(delta);
    }

    /**
     * Runs {@code write}, which changes (never deletes) the opportunities of these ids, and keeps the figures: the
     * rows are locked and read before the write (so no other transaction changes them in between) and read again
     * after it, and the difference applied.
     */
    public <T> T change(Collection<Long> ids, Supplier<T> write) {
        List<Object[]> before = read(ids, true);
        T result = write.get();
        Map<Key, Sum> delta = new HashMap<>();
        before.forEach(row -> contribute(delta, row, -1));
        read(ids, false).forEach(row -> contribute(delta, row, 1));
        apply(delta);
        return result;
    }

    /**
     * {@link #change} of every deal {@code where} selects (an SQL condition on {@code opportunity}, with its params):
     * they are locked, then {@code write} changes exactly those (it is given their ids), so a deal that comes to
     * match the condition meanwhile is neither written nor counted.
     */
    public <T> T changeWhere(String where, Object[] params, Function<List<Long>, T> write) {
        List<Long> ids = jdbc.sql("select id from opportunity where " + where + " for update").params(params).query(Long.class).list();
        return change(ids, () -> write.apply(ids));
    }

    /**
     * Recomputes every bucket from the opportunity table (a delete and two inserts), in the caller's transaction or
     * its own: after opportunities were written by SQL around the maintainer (the benchmark's seeding, test fixtures).
     */
    @Transactional
    public void rebuild() {
        jdbc.sql("delete from pipeline_figure").update();
        jdbc.sql("""
                insert into pipeline_figure (grain, bucket, status, in_funnel, owner_id, stage_model, stage_code, currency, amount, claimed, deals)
                select 'D', fig_day, status, in_funnel, owner_id, stage_model, stage_code, currency, sum(amount), sum(amount * probability), count(*)
                from (select case when status = 'OPEN' then expected_close_date
                                  else coalesce(cast(closed_at as date), date '1900-01-01') end as fig_day,
                             status, in_funnel, owner_id, stage_model, stage_code, currency, amount, probability from opportunity) o
                group by fig_day, status, in_funnel, owner_id, stage_model, stage_code, currency""").update();
        jdbc.sql("""
                insert into pipeline_figure (grain, bucket, status, in_funnel, owner_id, stage_model, stage_code, currency, amount, claimed, deals)
                select 'M', cast(date_trunc('month', bucket) as date), status, in_funnel, owner_id, stage_model, stage_code, currency,
                  sum(amount), sum(claimed), sum(deals)
                from pipeline_figure where grain = 'D'
                group by cast(date_trunc('month', bucket) as date), status, in_funnel, owner_id, stage_model, stage_code, currency""").update();
    }

    /** Every kept bucket that holds something (a bucket emptied by changes stays as zeros), for comparing. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<Key, Sum> all() {
        Map<Key, Sum> all = new HashMap<>();
        jdbc.sql("select * from pipeline_figure where deals <> 0 or amount <> 0 or claimed <> 0").query(rs -> {
            all.put(key(rs), new Sum(rs.getBigDecimal("amount"), rs.getBigDecimal("claimed"), rs.getLong("deals")));
        });
        return all;
    }

    /**
     * The kept buckets of some rows: {@code where} is a condition on {@code pipeline_figure}'s columns. For the
     * pipeline's readers ({@link PipelineFigures}); rows of zeros are skipped.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    void read(String where, Map<String, Object> params, BucketHandler rows) {
        // the columns by position: by name H2 looks each label up (upper-cased) per row and column, 187,673 rows in
        // the top view at 1,000,000 deals
        jdbc.sql("select grain, bucket, status, in_funnel, owner_id, stage_model, stage_code, currency, amount, claimed, deals"
                        + " from pipeline_figure where (" + where + ") and (deals <> 0 or amount <> 0 or claimed <> 0)").params(params)
                .query(rs -> {
                    Key key = new Key(rs.getString(1).charAt(0), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getBoolean(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
                    rows.bucket(key, rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getLong(11));
                });
    }

    /**
     * Everyone's won buckets and open funnel buckets of one grain ('D' or 'M') with the bucket in [from, to), with
     * only the columns the roll-up adds (the top view's path, {@code PipelineFigures.byOwner} for everyone: a range of
     * the (grain, bucket) index, 187,673 rows at 1,000,000 deals; the caller knows which periods count the range, so
     * no row carries its grain, day, funnel flag, currency or count). Rows of zeros are skipped.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    void readSums(char grain, LocalDate from, LocalDate to, SumHandler rows) {
        jdbc.sql("select owner_id, status, stage_model, stage_code, amount, claimed from pipeline_figure"
                        + " where grain = '" + (grain == 'M' ? 'M' : 'D') + "' and bucket >= :from and bucket < :to"
                        + " and status in ('WON', 'OPEN') and (status = 'WON' or in_funnel = true)"
                        + " and (deals <> 0 or amount <> 0 or claimed <> 0)")
                .param("from", from).param("to", to)
                .query(rs -> {
                    rows.sum(rs.getString(1), "WON".equals(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                            rs.getBigDecimal(6));
                });
    }

    /** One bucket as {@link #readSums} reads it: won (else open in the funnel), its stage and its sums. */
    @FunctionalInterface
    interface SumHandler {
        void sum(String ownerId, boolean won, String stageModel, String stageCode, BigDecimal amount, BigDecimal claimed) throws SQLException;
    }

    /**
     * {@link #read} of these owners' buckets of these statuses (all statuses when none given), joined as a list
     * ({@link OwnerValues}): each owner's (and status's) buckets by one lookup of the (owner_id, grain, status, bucket)
     * index, a range of it when {@code where} bounds the bucket and fixes the grain ({@code where} names columns of
     * {@code pipeline_figure} unqualified, and no status: with {@code status in (...)} H2 cannot take the bucket's range).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    void readOf(List<String> owners, List<String> statuses, String where, Map<String, Object> params, BucketHandler rows) {
        Map<String, Object> all = new HashMap<>(params);
        jdbc.sql("select f.* from " + OwnerValues.table(owners, statuses, all) + " join pipeline_figure f on f.owner_id = t.owner_id"
                        + (statuses.isEmpty() ? "" : " and f.status = t.status")
                        + " where (" + where + ") and (f.deals <> 0 or f.amount <> 0 or f.claimed <> 0)").params(all)
                .query(rs -> {
                    rows.bucket(key(rs), rs.getBigDecimal("amount"), rs.getBigDecimal("claimed"), rs.getLong("deals"));
                });
    }

    /**
     * {@link #readOf} of several parts in one statement (a UNION ALL, one round trip): each part's buckets of its
     * statuses that its {@code where} selects for these owners, given to {@code rows} with the part's index (a bucket
     * that two parts select comes once per part).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    void readOfParts(List<String> owners, List<Part> parts, Map<String, Object> params, PartHandler rows) {
        Map<String, Object> all = new HashMap<>(params);
        StringBuilder sql = new StringBuilder();
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            sql.append(p == 0 ? "" : " union all ").append("select ").append(p).append(" as part, f.* from ")
                    .append(OwnerValues.table(owners, part.statuses(), all, "p" + p))
                    .append(" join pipeline_figure f on f.owner_id = t.owner_id")
                    .append(part.statuses().isEmpty() ? "" : " and f.status = t.status")
                    .append(" where (").append(part.where()).append(") and (f.deals <> 0 or f.amount <> 0 or f.claimed <> 0)");
        }
        jdbc.sql(sql.toString()).params(all).query(rs -> {
            rows.bucket(rs.getInt("part"), key(rs), rs.getBigDecimal("amount"), rs.getBigDecimal("claimed"), rs.getLong("deals"));
        });
    }

    /** One part of {@link #readOfParts}: the buckets of these statuses (all when none) that {@code where} selects. */
    record Part(List<String> statuses, String where) {
    }

    /** A kept bucket as {@link #readOfParts} read it, with the index of its part. */
    @FunctionalInterface
    interface PartHandler {
        void bucket(int part, Key key, BigDecimal amount, BigDecimal claimed, long deals) throws SQLException;
    }

    /** One kept bucket as read. */
    @FunctionalInterface
    interface BucketHandler {
        void bucket(Key key, BigDecimal amount, BigDecimal claimed, long deals) throws SQLException;
    }

    private static Key key(ResultSet rs) throws SQLException {
        return new Key(rs.getString("grain").charAt(0), rs.getObject("bucket", LocalDate.class), rs.getString("status"),
                rs.getBoolean("in_funnel"), rs.getString("owner_id"), rs.getString("stage_model"), rs.getString("stage_code"),
                rs.getString("currency"));
    }

    /** The figure columns of these opportunities (500 ids to a query), locked when asked. */
    private List<Object[]> read(Collection<Long> ids, boolean lock) {
        List<Long> list = List.copyOf(ids);
        List<Object[]> rows = new ArrayList<>(list.size());
        for (int from = 0; from < list.size(); from += 500) {
            rows.addAll(jdbc.sql("select " + COLUMNS + " from opportunity where id in (:ids)" + (lock ? " for update" : ""))
                    .param("ids", list.subList(from, Math.min(list.size(), from + 500)))
                    .query((rs, n) -> new Object[] {rs.getString("owner_id"), rs.getString("status"), rs.getBoolean("in_funnel"),
                            rs.getString("stage_model"), rs.getString("stage_code"), rs.getString("currency"),
                            rs.getBigDecimal("amount"), rs.getObject("expected_close_date", LocalDate.class),
                            rs.getObject("closed_at", LocalDateTime.class), rs.getInt("probability")}).list());
        }
        return rows;
    }

    /** The day a deal counts on: an open deal's expected close date, a closed deal's close day. */
    static LocalDate day(String status, LocalDate expectedClose, LocalDateTime closedAt) {
        if ("OPEN".equals(status)) {
            return expectedClose;
        }
        return closedAt == null ? NO_CLOSE_DAY : closedAt.toLocalDate();
    }

    private static void contribute(Map<Key, Sum> delta, Object[] row, int sign) {
        String status = (String) row[1];
        LocalDate day = day(status, (LocalDate) row[7], (LocalDateTime) row[8]);
        BigDecimal amount = sign < 0 ? ((BigDecimal) row[6]).negate() : (BigDecimal) row[6];
        Sum sum = new Sum(amount, amount.multiply(BigDecimal.valueOf((Integer) row[9])), sign);
        for (Key key : List.of(
                new Key('D', day, status, (Boolean) row[2], (String) row[0], (String) row[3], (String) row[4], (String) row[5]),
                new Key('M', day.withDayOfMonth(1), status, (Boolean) row[2], (String) row[0], (String) row[3], (String) row[4], (String) row[5]))) {
            delta.merge(key, sum, Sum::plus);
        }
    }

    private static final java.util.Comparator<Key> BUCKET_ORDER = java.util.Comparator.comparing((Key k) -> k.grain())
            .thenComparing(Key::bucket).thenComparing(Key::status).thenComparing(Key::inFunnel).thenComparing(Key::ownerId)
            .thenComparing(Key::stageModel).thenComparing(Key::stageCode).thenComparing(Key::currency);

    /** Adds each non-zero delta to its bucket (created when missing). */
    private void apply(Map<Key, Sum> delta) {
        List<Object[]> rows = new ArrayList<>();
        // in one order of the buckets in every transaction: two writers of the same buckets wait, never deadlock
        java.util.TreeMap<Key, Sum> ordered = new java.util.TreeMap<>(BUCKET_ORDER);
        ordered.putAll(delta);
        ordered.forEach((key, sum) -> {
            if (sum.deals() != 0 || sum.amount().signum() != 0 || sum.claimed().signum() != 0) {
                rows.add(new Object[] {sum.amount(), sum.claimed(), sum.deals(), String.valueOf(key.grain()), key.bucket(), key.status(),
                        key.inFunnel(), key.ownerId(), key.stageModel(), key.stageCode(), key.currency()});
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        if (postgres()) {
            // atomic on PostgreSQL: two transactions creating the same bucket both succeed
            template.batchUpdate("""
                    insert into pipeline_figure (amount, claimed, deals, grain, bucket, status, in_funnel, owner_id, stage_model, stage_code, currency)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (grain, status, in_funnel, bucket, owner_id, stage_model, stage_code, currency)
                    do update set amount = pipeline_figure.amount + excluded.amount, claimed = pipeline_figure.claimed + excluded.claimed,
                      deals = pipeline_figure.deals + excluded.deals""", rows);
            return;
        }
        String update = """
                update pipeline_figure set amount = amount + ?, claimed = claimed + ?, deals = deals + ?
                where grain = ? and bucket = ? and status = ? and in_funnel = ? and owner_id = ? and stage_model = ?
                  and stage_code = ? and currency = ?""";
        int[] updated = template.batchUpdate(update, rows);
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                try {
                    template.update("""
                            insert into pipeline_figure (amount, claimed, deals, grain, bucket, status, in_funnel, owner_id, stage_model, stage_code, currency)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.get(i));
                } catch (DuplicateKeyException createdMeanwhile) {
                    // another transaction created the bucket since the update (H2 goes on after a failed statement)
                    template.update(update, rows.get(i));
                }
            }
        }
    }

    /** Whether the database is PostgreSQL (else H2). */
    boolean postgres() {
        if (postgres == null) {
            postgres = template.execute((ConnectionCallback<Boolean>) c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres"));
        }
        return postgres;
    }
}

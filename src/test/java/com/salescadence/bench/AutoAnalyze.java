package com.salescadence.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL's autovacuum analyze, run by the bench where the server has autovacuum off (this machine's PostgreSQL
 * does; PostgreSQL's default is on): every minute ({@code autovacuum_naptime}'s default) each table whose rows changed
 * since its last analyze by more than 50 + 10% of its rows ({@code autovacuum_analyze_threshold} and
 * {@code _scale_factor}'s defaults) is analyzed, as the server would. Without it a table that grows during a phase keeps
 * the plans made while it was nearly empty: in round 9 the snapshot lines' foreign-key checks scanned the whole
 * {@code pipeline_snapshot} table once a line (the storm bench's database at N = 10,000, after its 9,000 submissions:
 * 53,175 sequential scans of {@code commit_report} and 44,313 of {@code pipeline_snapshot}, no index scan). A server
 * with autovacuum on is left to it. Nothing runs on H2.
 */
final class AutoAnalyze implements AutoCloseable {

    private static final long NAPTIME_SECONDS = Long.getLong("bench.autoanalyze.naptime", 60);

    private final JdbcTemplate jdbc;
    private final ScheduledExecutorService timer;
    private final Map<String, Integer> analyzed = new TreeMap<>();

    private AutoAnalyze(JdbcTemplate jdbc, boolean run) {
        this.jdbc = jdbc;
        this.timer = run ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-autoanalyze");
            thread.setDaemon(true);
            return thread;
        }) : null;
        if (run) {
            timer.scheduleWithFixedDelay(this::analyzeChanged, NAPTIME_SECONDS, NAPTIME_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Starts analyzing as autovacuum would, if the bench runs on PostgreSQL with autovacuum off (and not -Dbench.autoanalyze=false). */
    static AutoAnalyze start(JdbcTemplate jdbc) {
        boolean run = BenchDatabase.postgres() && Boolean.parseBoolean(System.getProperty("bench.autoanalyze", "true"))
                && "off".equals(jdbc.queryForObject("show autovacuum", String.class));
        return new AutoAnalyze(jdbc, run);
    }

    private void analyzeChanged() {
        try {
            for (String table : jdbc.queryForList("""
                    select s.relname from pg_stat_user_tables s join pg_class c on c.oid = s.relid
                    where s.schemaname = current_schema() and s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)""", String.class)) {
                jdbc.execute("analyze \"" + table.replace("\"", "\"\"") + "\"");
                synchronized (analyzed) {
                    analyzed.merge(table, 1, Integer::sum);
                }
            }
        } catch (RuntimeException e) {
            // a table dropped meanwhile, the context closing: the next round tries again
        }
    }

    /** What the results say about it: whether it ran, and which tables it analyzed how often. */
    String note() {
        if (timer == null) {
            return BenchDatabase.postgres() ? "PostgreSQL's autovacuum analyzed the tables (the bench's emulation did not run)." : "";
        }
        synchronized (analyzed) {
            return "Autovacuum is off on this PostgreSQL server: the bench analyzed as its defaults would (every " + NAPTIME_SECONDS
                    + " s, each table changed by more than 50 + 10% of its rows since its last analyze): "
                    + (analyzed.isEmpty() ? "no table reached the threshold" : analyzed.toString()) + ".";
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}

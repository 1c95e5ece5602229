package com.salescadence.bench;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.salescadence.cadence.CycleKeys;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;

/**
 * The benchmarks' sales organization: N reps, {@code span} per first-line manager, managers {@code span} per manager
 * above up to one leader, added through {@link OrganizationAdministration} (the product's path, with the Camunda
 * identity sync), and their pipeline by JDBC batches.
 */
final class BenchHierarchy {

    /** People added per transaction in the set-up ({@code bench.setup.people}, 100; 1 is the API's one per call). */
    static final int PEOPLE_PER_TRANSACTION = Integer.getInteger("bench.setup.people", 100);

    final List<String> reps = new ArrayList<>();
    final List<String> firstLine = new ArrayList<>();
    final Map<String, String> managerOf = new HashMap<>();
    /** Per rep: the ids of their five open deals closing in the cycle's week (the weekly commit's rows). */
    final Map<String, List<Long>> openDeals = new HashMap<>();

    /** REPS reps, SPAN per manager, managers SPAN per manager above, up to one leader. */
    void build(OrganizationAdministration administration, PlatformTransactionManager transactions, int repCount, int span)
            throws Exception {
        List<String> level = new ArrayList<>();
        for (int i = 1; i <= repCount; i++) {
            level.add(String.format("b.rep%05d", i));
        }
        reps.addAll(level);
        List<List<String>> levels = new ArrayList<>();
        levels.add(level);
        int depth = 1;
        while (level.size() > 1) {
            List<String> above = new ArrayList<>();
            for (int i = 0; i < level.size(); i += span) {
                String manager = String.format("b.m%d.%04d", depth, i / span + 1);
                above.add(manager);
                for (String person : level.subList(i, Math.min(level.size(), i + span))) {
                    managerOf.put(person, manager);
                }
            }
            if (depth == 1) {
                firstLine.addAll(above);
            }
            levels.add(above);
            level = above;
            depth++;
        }
        long t = System.nanoTime();
        double cpu = BenchEngine.cpuSeconds();
        // top first, so every manager exists before their reports; within a level PEOPLE_PER_TRANSACTION people per
        // transaction on SETUP_THREADS threads, each through the product's path (OrganizationAdministration.add joins
        // the transaction, CamundaIdentitySync with it): the same rows as one transaction per person
        for (int d = levels.size() - 1; d >= 0; d--) {
            Role role = d == 0 ? Role.REP : Role.MANAGER;
            BenchEngine.inTransactions(transactions, levels.get(d), PEOPLE_PER_TRANSACTION, BenchEngine.SETUP_THREADS,
                    id -> administration.add(new Person(id, (role == Role.REP ? "Rep " : "Manager ") + id, id + "@bench.local",
                            role, managerOf.get(id), null), "bench"));
        }
        System.out.printf(Locale.ROOT, "[bench] setup: organization of %,d people (%d per transaction, %d threads): %.1f s, %.1f CPU s, load %s%n",
                people(), PEOPLE_PER_TRANSACTION, BenchEngine.SETUP_THREADS, BenchEngine.seconds(t), BenchEngine.cpuSeconds() - cpu,
                BenchTargets.loadAverage());
    }

    /** Everyone: the reps and every manager (the leader included). */
    int people() {
        return managerOf.size() + 1;
    }

    String topManager() {
        return managerOf.values().stream().filter(m -> !managerOf.containsKey(m)).findFirst().orElseThrow();
    }

    /**
     * One account per rep, five open deals per rep closing in the week after {@code sunday}, the rest of
     * {@code opportunities} open over the quarter or won in the last 90 days.
     */
    void insertPipeline(JdbcTemplate jdbcTemplate, LocalDateTime sunday, long opportunities) throws Exception {
        long t = System.nanoTime();
        double cpu = BenchEngine.cpuSeconds();
        List<Object[]> accounts = new ArrayList<>();
        reps.forEach(rep -> accounts.add(new Object[] {"Bench account " + rep, "bench account " + rep.toLowerCase(Locale.ROOT), "KEY", "Bench", rep}));
        jdbcTemplate.batchUpdate("insert into account (name, name_key, tier, industry, owner_id) values (?, ?, ?, ?, ?)", accounts);
        Map<String, Long> accountOf = new HashMap<>();
        jdbcTemplate.query("select id, owner_id from account where industry = 'Bench'",
                rs -> { accountOf.put(rs.getString(2), rs.getLong(1)); });
        String[] stages = {"IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT"};
        int[] probability = {10, 25, 50, 75};
        Random random = new Random(7);
        LocalDate monday = CycleKeys.weekCommittedFrom(sunday.toLocalDate());
        LocalDate quarterStart = monday.with(IsoFields.DAY_OF_QUARTER, 1);
        String sql = """
                insert into opportunity (account_id, owner_id, name, amount, currency, expected_close_date, stage_model,
                  stage_code, probability, status, in_funnel, closed_at) values (?, ?, ?, ?, 'CNY', ?, 'ibm', ?, ?, ?, true, ?)""";
        List<Object[]> rows = new ArrayList<>();
        Seeding seeding = new Seeding(jdbcTemplate, sql);
        for (int r = 0; r < reps.size(); r++) {
            String rep = reps.get(r);
            long perRep = opportunities / reps.size() + (r < opportunities % reps.size() ? 1 : 0);
            for (int i = 0; i < perRep; i++) {
                boolean commitDeal = i < 5;
                boolean won = !commitDeal && random.nextInt(10) < 3;
                int stage = commitDeal ? 3 : random.nextInt(4);
                LocalDate closes = commitDeal ? monday.plusDays(2 + i) : quarterStart.plusDays(random.nextInt(90));
                Timestamp closedAt = won ? Timestamp.valueOf(monday.minusDays(1 + random.nextInt(90)).atTime(12, 0)) : null;
                rows.add(new Object[] {accountOf.get(rep), rep, (commitDeal ? "Commit deal " : "Deal ") + rep + "-" + i,
                        BigDecimal.valueOf(10_000 + random.nextInt(490) * 1_000L), java.sql.Date.valueOf(closes),
                        won ? "WON" : stages[stage], won ? 100 : probability[stage], won ? "WON" : "OPEN", closedAt});
                if (rows.size() == 5_000) {
                    seeding.insert(rows);
                    rows = new ArrayList<>();
                }
            }
        }
        seeding.insert(rows);
        seeding.finish();
        System.out.printf(Locale.ROOT, "[bench] setup: %,d opportunities and %,d accounts by JDBC batch (%d threads): %.1f s, %.1f CPU s, load %s%n",
                opportunities, reps.size(), BenchEngine.SETUP_THREADS, BenchEngine.seconds(t), BenchEngine.cpuSeconds() - cpu,
                BenchTargets.loadAverage());
        jdbcTemplate.query("select id, owner_id from opportunity where name like 'Commit deal %' order by owner_id, name",
                rs -> { openDeals.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getLong(1)); });
    }

    /**
     * The pipeline's JDBC batches, each in its own transaction (not a commit per row), on SETUP_THREADS threads while
     * the next rows are generated; at most two batches per thread wait, so 1,000,000 rows are never all in the heap.
     */
    private static final class Seeding {

        private final JdbcTemplate jdbc;
        private final String sql;
        private final TransactionTemplate transaction;
        private final ExecutorService pool = Executors.newFixedThreadPool(BenchEngine.SETUP_THREADS);
        private final Semaphore waiting = new Semaphore(2 * BenchEngine.SETUP_THREADS);
        private final List<Future<?>> running = new ArrayList<>();

        Seeding(JdbcTemplate jdbc, String sql) {
            this.jdbc = jdbc;
            this.sql = sql;
            this.transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        }

        void insert(List<Object[]> rows) throws InterruptedException {
            if (rows.isEmpty()) {
                return;
            }
            waiting.acquire();
            running.add(pool.submit(() -> {
                try {
                    transaction.executeWithoutResult(tx -> jdbc.batchUpdate(sql, rows));
                } finally {
                    waiting.release();
                }
            }));
        }

        void finish() throws Exception {
            try {
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}

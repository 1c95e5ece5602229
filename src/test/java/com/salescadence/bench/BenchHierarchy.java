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

import org.springframework.jdbc.core.JdbcTemplate;

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

    final List<String> reps = new ArrayList<>();
    final List<String> firstLine = new ArrayList<>();
    final Map<String, String> managerOf = new HashMap<>();
    /** Per rep: the ids of their five open deals closing in the cycle's week (the weekly commit's rows). */
    final Map<String, List<Long>> openDeals = new HashMap<>();

    /** REPS reps, SPAN per manager, managers SPAN per manager above, up to one leader. */
    void build(OrganizationAdministration administration, int repCount, int span) {
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
        // top first, so every manager exists before their reports
        for (int d = levels.size() - 1; d >= 0; d--) {
            for (String id : levels.get(d)) {
                administration.add(new Person(id, (d == 0 ? "Rep " : "Manager ") + id, id + "@bench.local",
                        d == 0 ? Role.REP : Role.MANAGER, managerOf.get(id), null), "bench");
            }
        }
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
    void insertPipeline(JdbcTemplate jdbcTemplate, LocalDateTime sunday, long opportunities) {
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
                    jdbcTemplate.batchUpdate(sql, rows);
                    rows.clear();
                }
            }
        }
        jdbcTemplate.batchUpdate(sql, rows);
        jdbcTemplate.query("select id, owner_id from opportunity where name like 'Commit deal %' order by id",
                rs -> { openDeals.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getLong(1)); });
    }
}

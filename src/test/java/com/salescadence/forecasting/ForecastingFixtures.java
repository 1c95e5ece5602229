package com.salescadence.forecasting;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.support.TestOrganization;

/** The forecasting API tests' dated histories: people and IBM deals with their stage entries, written straight to the tables. */
final class ForecastingFixtures {

    private ForecastingFixtures() {
    }

    static void person(OrganizationAdministration administration, String id, String name, Role role, String manager) {
        administration.add(new Person(id, name, id + "@test.local", role, manager, null), TestOrganization.PASSWORD);
    }

    /**
     * A CNY deal of the IBM model with its dated stage entries ("STAGE yyyy-mm-dd", 10:00 each), created at 9:00 of the
     * first; an open one sits in DEVELOP claimed at 60%.
     * @return its id
     */
    static long deal(JdbcClient jdbc, long account, String owner, boolean inFunnel, String status, long amount, LocalDate expectedClose,
                     LocalDateTime closedAt, String... entries) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        LocalDateTime created = LocalDate.parse(entries[0].split(" ")[1]).atTime(9, 0);
        boolean open = "OPEN".equals(status);
        jdbc.sql("""
                insert into opportunity (account_id, owner_id, name, amount, currency, expected_close_date, stage_model, stage_code,
                  probability, status, in_funnel, created_at, stage_entered_at, closed_at)
                values (?, ?, ?, ?, 'CNY', ?, 'ibm', ?, ?, ?, ?, ?, ?, ?)""")
                .params(account, owner, "Forecasting deal " + System.nanoTime(), amount, expectedClose, open ? "DEVELOP" : status,
                        open ? 60 : 0, status, inFunnel, created, created, closedAt)
                .update(key, "id");
        long id = key.getKey().longValue();
        String from = null;
        for (String entry : entries) {
            String[] parts = entry.split(" ");
            jdbc.sql("insert into stage_history (opportunity_id, from_stage, to_stage, probability, changed_by, changed_at) values (?, ?, ?, 10, ?, ?)")
                    .params(id, from, parts[0], owner, LocalDate.parse(parts[1]).atTime(10, 0)).update();
            from = parts[0];
        }
        return id;
    }
}

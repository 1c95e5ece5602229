package com.salescadence.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.RestCalls;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;

/**
 * Issue 18 item 9: a manager's roll-up adjustment is money as a person enters it: an upside is required, no more
 * than two decimals (never rounded silently), no astronomic figures (1e30 was a 500), nothing stored when refused.
 */
@CadenceIntegrationTest
class RollupAdjustmentBoundsIntegrationTest {


    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired CycleService cycles;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void adjustments_without_upside_with_three_decimals_or_astronomic_figures_are_refused_with_400() {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        LocalDateTime sunday = LocalDateTime.of(2019, 5, 12, 8, 0);
        String key = weeks.open(sunday);
        long cycle = cycles.find(Cadence.WEEKLY_COMMIT, key).orElseThrow().id();
        weeks.submitEmptyCommit(key, TestOrganization.REP);
        WeeklyCycles.setClock(sunday.plusHours(25));   // Monday 09:00: the commit calls open
        weeks.runDueJobs(key);
        String adjustments = "/api/cadence/cycles/" + cycle + "/rollup";

        Map<Object, String> refusals = Map.of(
                "1e30", "Adjusted commit is too large",
                "100.123", "Adjusted commit may have at most two decimals",
                "-1", "Adjusted commit must be zero or more",
                "10000000000000.01", "Adjusted commit is too large");
        refusals.forEach((commit, problem) -> {
            Map<String, Object> refused = RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.POST, adjustments,
                    body(commit, "0"), HttpStatus.BAD_REQUEST);
            assertThat((String) refused.get("error")).as("commit " + commit).contains("Ren Rep: " + problem);
        });
        Map<String, Object> noUpside = body("50000", null);
        Map<String, Object> refused = RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.POST, adjustments, noUpside,
                HttpStatus.BAD_REQUEST);
        assertThat((String) refused.get("error")).contains("Adjusted upside is required")
                .as("in Chinese too").contains("Ren Rep：调整后的潜在成交为必填项（没有时填 0）。");
        RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.POST, adjustments, body(1e30, "0"), HttpStatus.BAD_REQUEST);
        assertThat(adjustmentRows(cycle)).as("nothing of the refused adjustments is stored").isZero();

        RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.POST, adjustments, body("50000.50", "0"), HttpStatus.OK);
        assertThat(adjustmentRows(cycle)).isEqualTo(1);
        assertThat(jdbc.sql("select commit_amount from commit_adjustment where cycle_id = ?").param(cycle)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("50000.50");
    }

    /** The roll-up submitted with one adjusted line (the call's grid posts the same). */
    private static Map<String, Object> body(Object commit, Object upside) {
        Map<String, Object> line = new HashMap<>(Map.of("personId", TestOrganization.REP, "commit", commit, "reason", "Not signed yet"));
        if (upside != null) {
            line.put("upside", upside);
        }
        return Map.of("adjustments", java.util.List.of(line));
    }

    private int adjustmentRows(long cycle) {
        return jdbc.sql("select count(*) from commit_adjustment where cycle_id = ?").param(cycle).query(Integer.class).single();
    }
}

package com.salescadence.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleKeys;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.RollupRow;
import com.salescadence.cadence.RollupService;
import com.salescadence.forecasting.WinRateRules.Tally;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.TestDatabase;
import com.salescadence.support.TestOrganization;

/**
 * With {@code cadence.forecasting.method=learned} (issue 16, item 2), "the forecast" of /api/metrics and of the roll-up
 * (the commit call's quarter forecast per rep) is sum(amount x the learned rate of the branch), equal to the learned
 * figure of /api/forecasting/forecasts, on a constructed history. Its own application context, because the setting
 * is read when the application starts and every other test runs with the default (configured rates, checked by the
 * metrics and roll-up tests unchanged).
 *
 * <p>History: manager lf.mgr with reps lf.rep1 and lf.rep2; each rep closed 12 IBM deals in 2030 that entered
 * IDENTIFY and DEVELOP, 9 won and 3 lost: 12 verdicts each, fewer than the 20 (min-deals) that make a person's own rate,
 * so both reps' deals are weighed by the branch of lf.mgr: 24 verdicts, 18 won. With the prior of 20 deals centred on
 * the configured rate: DEVELOP (50%) (18 + 20 x 0.5) / (24 + 20) = 28 / 44 = 0.636364; IDENTIFY (10%)
 * (18 + 20 x 0.1) / 44 = 20 / 44 = 0.454545. Open: lf.rep1 100,000 in DEVELOP, lf.rep2 40,000 in IDENTIFY, both
 * closing this quarter. Learned forecast: 100,000 x 28/44 + 40,000 x 20/44 = 3,600,000 / 44 = 81,818.18
 * (63,636.36 + 18,181.82); the configured one would be 50,000 + 4,000 = 54,000.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cadence.forecasting.method=learned")
@ActiveProfiles("test")
class LearnedForecastSettingIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    /** "Today": Wednesday 14 May 2031, week 2031-W20 (Monday 12 May), quarter 2031-Q2. */
    private static final LocalDateTime NOW = LocalDateTime.of(2031, 5, 14, 10, 0);
    private static final LocalDate MONDAY = LocalDate.of(2031, 5, 12);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerOwn(registry, "learned_forecast");   // PostgreSQL: a database of its own (H2: its own in memory)
    }

    @Autowired TestRestTemplate http;
    @Autowired OrganizationAdministration administration;
    @Autowired RollupService rollups;
    @Autowired com.salescadence.pipeline.KeptFigures keptFigures;
    @Autowired CycleService cycles;
    @Autowired ForecastService forecasts;
    @Autowired ForecastingSettings settings;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void the_metrics_and_the_rollup_forecast_with_the_learned_rate_of_the_branch() {
        assertThat(settings.method()).isEqualTo(ForecastMethod.LEARNED);
        ProcessDriver.setClock(NOW);
        administration.add(new Person("lf.mgr", "Learned Manager", "lf.mgr@test.local", Role.MANAGER, null, null), TestOrganization.PASSWORD);
        for (String rep : new String[] {"lf.rep1", "lf.rep2"}) {
            administration.add(new Person(rep, "Learned " + rep, rep + "@test.local", Role.REP, "lf.mgr", null), TestOrganization.PASSWORD);
        }
        long account = account("lf.mgr");
        for (String rep : new String[] {"lf.rep1", "lf.rep2"}) {
            for (int i = 0; i < 12; i++) {
                LocalDate opened = LocalDate.of(2030, 1, 6).plusWeeks(i);
                closed(account, rep, i < 9 ? "WON" : "LOST", opened, opened.plusDays(40));
            }
        }
        open(account, "lf.rep1", "DEVELOP", 100000, MONDAY.plusDays(8));
        open(account, "lf.rep2", "IDENTIFY", 40000, MONDAY.plusDays(8));

        // the rates as the chooser gives them: the branch's, the reps' own being thin
        double develop = WinRateRules.estimate(new Tally(24, 18), 0.5, 20).rate();
        double identify = WinRateRules.estimate(new Tally(24, 18), 0.1, 20).rate();
        assertThat(develop).isCloseTo(28.0 / 44, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(identify).isCloseTo(20.0 / 44, org.assertj.core.data.Offset.offset(1e-12));
        BigDecimal expected = new BigDecimal("100000").multiply(BigDecimal.valueOf(develop))
                .add(new BigDecimal("40000").multiply(BigDecimal.valueOf(identify))).setScale(2, RoundingMode.HALF_UP);
        assertThat(expected).isEqualByComparingTo("81818.18");

        // /api/metrics: the manager's forecast and each rep's
        Map<String, Object> overview = get("lf.mgr", "/api/metrics/overview");
        assertThat(decimal(((Map<?, ?>) overview.get("forecast")).get("value"))).isEqualByComparingTo(expected);
        Map<String, BigDecimal> children = new java.util.HashMap<>();
        for (Object child : (java.util.List<?>) overview.get("children")) {
            Map<?, ?> c = (Map<?, ?>) child;
            children.put((String) c.get("personId"), decimal(c.get("forecast")));
        }
        assertThat(children.get("lf.rep1")).isEqualByComparingTo("63636.36");   // 100,000 x 28/44
        assertThat(children.get("lf.rep2")).isEqualByComparingTo("18181.82");   // 40,000 x 20/44
        Map<String, Object> rep = get("lf.rep1", "/api/metrics/overview");
        assertThat(decimal(((Map<?, ?>) rep.get("forecast")).get("value"))).isEqualByComparingTo("63636.36");

        // the same as the learned figure of the three forecasts side by side
        ForecastService.Forecasts three = forecasts.forecasts(organizationPerson("lf.mgr"), null);
        assertThat(three.learned()).isEqualByComparingTo(expected);
        assertThat(three.configured()).isEqualByComparingTo("54000");
        assertThat(three.method()).isEqualTo(ForecastMethod.LEARNED);

        // the roll-up (the commit call's lines): each rep's quarter forecast, nothing booked this quarter
        Cycle cycle = cycles.open(Cadence.WEEKLY_COMMIT, CycleKeys.weekKey(MONDAY), MONDAY.minusDays(1).atTime(8, 0), MONDAY,
                MONDAY.plusDays(6), null);
        Map<String, RollupRow> rows = new java.util.HashMap<>();
        keptFigures.rebuild();   // the deals were written by SQL, around the roll-up's kept figures
        rollups.view(cycle.id(), "lf.mgr").rows().forEach(r -> rows.put(r.personId(), r));
        assertThat(rows.get("lf.rep1").quarterForecast()).isEqualByComparingTo("63636.36");
        assertThat(rows.get("lf.rep2").quarterForecast()).isEqualByComparingTo("18181.82");
        assertThat(rows.get("lf.rep1").quarterForecast().add(rows.get("lf.rep2").quarterForecast())).isEqualByComparingTo(expected);
        // the month forecast: both close in May
        assertThat(rows.get("lf.rep1").monthForecast()).isEqualByComparingTo("63636.36");
    }

    @Autowired com.salescadence.organization.OrganizationService organization;

    private Person organizationPerson(String id) {
        return organization.person(id);
    }

    private Map<String, Object> get(String user, String path) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange(path, HttpMethod.GET, null, JSON);
        assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }

    private long account(String owner) {
        jdbc.update("insert into account (name, name_key, tier, industry, owner_id) values (?, lower(?), 'KEY', 'Test', ?)",
                "Learned account", "Learned account", owner);
        return jdbc.queryForObject("select id from account where name = 'Learned account'", Long.class);
    }

    /** A decided IBM deal that entered IDENTIFY when opened and DEVELOP a week later. */
    private void closed(long account, String owner, String status, LocalDate opened, LocalDate closed) {
        long id = insert(account, owner, status, status, 0, closed, Timestamp.valueOf(closed.atTime(12, 0)), opened);
        history(id, "IDENTIFY", opened.atTime(10, 0));
        history(id, "DEVELOP", opened.plusWeeks(1).atTime(10, 0));
        history(id, status, closed.atTime(12, 0));
    }

    private void open(long account, String owner, String stage, long amount, LocalDate closes) {
        long id = insert(account, owner, stage, "OPEN", 30, closes, null, MONDAY.minusMonths(1));
        jdbc.update("update opportunity set amount = ? where id = ?", amount, id);
        history(id, stage, MONDAY.minusMonths(1).atTime(10, 0));
    }

    private long insert(long account, String owner, String stage, String status, int probability, LocalDate closes, Timestamp closedAt,
                        LocalDate created) {
        String name = "Learned deal " + System.nanoTime();
        jdbc.update("""
                insert into opportunity (account_id, owner_id, name, amount, currency, expected_close_date, stage_model, stage_code,
                  probability, status, in_funnel, created_at, stage_entered_at, closed_at)
                values (?, ?, ?, 60000, 'CNY', ?, 'ibm', ?, ?, ?, true, ?, ?, ?)""",
                account, owner, name, Date.valueOf(closes), stage, probability, status, Timestamp.valueOf(created.atTime(9, 0)),
                Timestamp.valueOf(created.atTime(9, 0)), closedAt);
        return jdbc.queryForObject("select id from opportunity where name = ?", Long.class, name);
    }

    private void history(long id, String stage, LocalDateTime at) {
        jdbc.update("insert into stage_history (opportunity_id, from_stage, to_stage, probability, changed_by, changed_at) values (?, null, ?, 10, 'lf.mgr', ?)",
                id, stage, Timestamp.valueOf(at));
    }
}

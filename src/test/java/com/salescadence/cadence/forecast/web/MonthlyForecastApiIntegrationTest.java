package com.salescadence.cadence.forecast.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CycleService;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.workflow.MonthlyForecastProcess;

/** The monthly forecast through the REST API: a refused forecast answers 400 and stores nothing; only the right people see it. */
@CadenceIntegrationTest
class MonthlyForecastApiIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired ProcessEngine engine;
    @Autowired CycleService cycles;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_rep_submits_the_forecast_through_the_api_and_bad_input_is_refused_with_400() {
        LocalDateTime start = LocalDateTime.of(2021, 3, 1, 9, 0);
        ClockUtil.setCurrentTime(Date.from(start.atZone(ZoneId.systemDefault()).toInstant()));
        engine.getRuntimeService().startProcessInstanceByKey(MonthlyForecastProcess.KEY,
                Map.of(MonthlyForecastProcess.CYCLE_START, ClockUtil.getCurrentTime()));
        runDueJobs("2021-03");
        long cycleId = cycles.find(Cadence.MONTHLY_FORECAST, "2021-03").orElseThrow().id();
        String base = "/api/cadence/monthly-forecast/cycles/" + cycleId;

        List<Map<String, Object>> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(month(java.time.YearMonth.of(2021, 3).plusMonths(i).toString(), 5000));
        }
        List<Map<String, Object>> bad = new ArrayList<>(months);
        bad.set(0, month("2021-03", -1));
        bad.set(1, month("2022-03", 1));
        Map<String, Object> refused = call(TestOrganization.REP, HttpMethod.POST, base + "/forecast",
                Map.of("months", bad, "actionPlan", "Plan"), HttpStatus.BAD_REQUEST);
        assertThat((String) refused.get("error")).contains("The amount of Mar 2021 must not be negative")
                .contains("Mar 2022 is outside the forecast's 12 months").contains("“2021年3月”的金额不能为负数");
        call(TestOrganization.REP, HttpMethod.GET, base + "/forecasts/" + TestOrganization.REP, null, HttpStatus.NOT_FOUND);

        Map<String, Object> stored = call(TestOrganization.REP, HttpMethod.POST, base + "/forecast",
                Map.of("months", months, "actionPlan", "Two demos a week"), HttpStatus.OK);
        assertThat(((Map<?, ?>) stored.get("report")).get("forecastAmount")).isEqualTo(60000.0);
        assertThat((List<?>) stored.get("months")).hasSize(12);

        call(TestOrganization.TEAMMATE, HttpMethod.GET, base + "/forecasts/" + TestOrganization.REP, null, HttpStatus.NOT_FOUND);
        call(TestOrganization.MANAGER, HttpMethod.GET, base + "/forecasts/" + TestOrganization.REP, null, HttpStatus.OK);
        Map<String, Object> review = call(TestOrganization.MANAGER, HttpMethod.GET, base + "/review", null, HttpStatus.OK);
        assertThat(review.get("summary").toString()).contains("Missing forecasts: Tang Teammate");
        call(TestOrganization.OTHER_MANAGER, HttpMethod.GET, base + "/review?managerId=" + TestOrganization.MANAGER, null, HttpStatus.NOT_FOUND);
    }

    private void runDueJobs(String cycleKey) {
        for (int round = 0; round < 100; round++) {
            List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKeyLike(cycleKey + "%").list().stream().map(i -> i.getId()).toList();
            List<Job> due = engine.getManagementService().createJobQuery().executable().list().stream()
                    .filter(job -> instances.contains(job.getProcessInstanceId())).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + cycleKey);
    }

    private static Map<String, Object> month(String month, Object amount) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("month", month);
        row.put("amount", amount);
        return row;
    }

    private Map<String, Object> call(String user, HttpMethod method, String path, Object body, HttpStatus expected) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, TestOrganization.PASSWORD);
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> response = http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
        assertThat(response.getStatusCode()).as(method + " " + path + " -> " + response.getBody()).isEqualTo(expected);
        return response.getBody();
    }
}

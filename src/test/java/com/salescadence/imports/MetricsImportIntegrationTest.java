package com.salescadence.imports;

import static com.salescadence.support.TestOrganization.MANAGER;
import static com.salescadence.support.TestOrganization.REP;
import static com.salescadence.support.TestOrganization.TEAMMATE;
import static org.assertj.core.api.Assertions.assertThat;
import static com.salescadence.support.JsonFigures.amount;
import static com.salescadence.support.JsonFigures.figure;
import static com.salescadence.support.JsonFigures.list;
import static com.salescadence.support.JsonFigures.map;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.QuotaService;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.TestDatabase;
import com.salescadence.support.TestOrganization;

/**
 * A known CSV set (import/metrics-*.csv) imported through the API, then the dashboard figures read through
 * /api/metrics and checked against values computed by hand (in the comments). Business clock: Wed 19 Nov 2025
 * 10:00, quarter 2025-Q4; quotas of Q4: t.rep1 1,000,000 (stretch 1,200,000), t.rep2 500,000 (600,000).
 * IBM win rates: IDENTIFY 10%, VALIDATE 25%, DEVELOP 50%, AGREEMENT 75%; forecasts weigh by the stage's win
 * rate, not the claimed probability.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MetricsImportIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired QuotaService quotas;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void the_dashboard_figures_of_an_imported_pipeline_match_the_hand_computed_values() {
        TestOrganization.ensure(organization, administration);
        ProcessDriver.setClock(LocalDateTime.of(2025, 11, 19, 10, 0));
        quotas.set(REP, "2025-Q4", new BigDecimal("1000000"), new BigDecimal("1200000"), "CNY");
        quotas.set(TEAMMATE, "2025-Q4", new BigDecimal("500000"), new BigDecimal("600000"), "CNY");

        LocalDate noPlaceholders = LocalDate.of(2025, 11, 19);   // these files have fixed dates
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("accounts", file("accounts.csv", ImportFiles.load("metrics-accounts.csv", noPlaceholders)));
        files.add("opportunities", file("opportunities.csv", ImportFiles.load("metrics-opportunities.csv", noPlaceholders)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map<String, Object>> imported = http.withBasicAuth(MANAGER, TestOrganization.PASSWORD)
                .exchange("/api/imports?dryRun=false", HttpMethod.POST, new HttpEntity<>(files, headers), JSON);
        assertThat(imported.getBody()).as("%s", imported.getBody()).containsEntry("status", "DONE")
                .containsEntry("created", Map.of("accounts", 2, "contacts", 0, "opportunities", 8));

        // ---- the rep ----
        // open, closing in Q4: A1 400,000 x 50% + A2 200,000 x 25% + A4 30,000 x 10% = 200,000 + 50,000 + 3,000 = 253,000
        // (A3 closes in January); booked in Q4: A5 250,000; remaining quota 1,000,000 - 250,000 = 750,000; gap 497,000
        Map<String, Object> rep = get(REP, "/api/metrics/overview");
        assertThat(rep).containsEntry("quarter", "2025-Q4").containsEntry("asOf", "2025-11-19");
        amount(rep, "quota", "1000000");
        amount(rep, "stretch", "1200000");
        amount(rep, "booked", "250000");
        figure(rep, "forecast", "253000", "LOW", Map.of("weighted", "253000", "remainingQuota", "750000", "gap", "497000"));
        // open amount in Q4 400,000 + 200,000 + 30,000 = 630,000 / 750,000 = 0.84, under 150%
        figure(rep, "coverage", "0.8400", "LOW", Map.of("openPipeline", "630000", "remainingTarget", "750000"));
        // imported won deals have no order: A5's 250,000 counts as not fulfilled
        figure(rep, "unfulfilledShare", "1.0000", "HIGH", Map.of("unfulfilled", "250000", "orders", "250000"));

        // ---- the manager: both reps ----
        // forecast 253,000 + B1 600,000 x 10% = 313,000; booked 250,000 + B2 100,000 = 350,000;
        // remaining 1,500,000 - 350,000 = 1,150,000; gap 837,000; coverage (630,000 + 600,000) / 1,150,000 = 1.0696
        Map<String, Object> team = get(MANAGER, "/api/metrics/overview");
        amount(team, "quota", "1500000");
        amount(team, "booked", "350000");
        figure(team, "forecast", "313000", "LOW", Map.of("weighted", "313000", "remainingQuota", "1150000", "gap", "837000"));
        figure(team, "coverage", "1.0696", "LOW", Map.of("openPipeline", "1230000", "remainingTarget", "1150000"));
        List<Map<String, Object>> children = list(team.get("children"));
        assertThat(children).extracting(c -> c.get("personId")).containsExactly(REP, TEAMMATE);
        amount(children.get(1), "forecast", "60000");
        amount(children.get(1), "booked", "100000");
        amount(children.get(1), "coverage", "1.5000");                  // 600,000 / (500,000 - 100,000)
        assertThat(children.get(1)).containsEntry("needsMorePipeline", true);   // 60,000 < 400,000

        // ---- the funnel: each deal counts in every stage up to the one it stands in (imported deals reached it) ----
        // the rep's in-funnel deals: A1 DEVELOP, A2 VALIDATE, A3 AGREEMENT, A5 WON, A6 lost (A4 is out of the funnel);
        // an imported lost deal was lost from no known stage. Company adds B1 IDENTIFY and B2 WON.
        Map<String, Object> funnel = get(REP, "/api/metrics/funnel");
        List<Map<String, Object>> stages = list(funnel.get("stages"));
        assertThat(stages).extracting(s -> s.get("code")).containsExactly("IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT");
        stage(stages.get(0), "person", 4, 4, "1.0000");
        stage(stages.get(1), "person", 4, 3, "0.7500");
        stage(stages.get(2), "person", 3, 2, "0.6667");
        stage(stages.get(3), "person", 2, 1, "0.5000");
        stage(stages.get(0), "company", 6, 5, "0.8333");
        stage(stages.get(1), "company", 5, 4, "0.8000");
        stage(stages.get(2), "company", 4, 3, "0.7500");
        stage(stages.get(3), "company", 3, 2, "0.6667");
        for (Map<String, Object> stage : stages) {
            // imported open deals entered their stage at the import: none stuck for 30 days, no completed stay yet
            assertThat(map(stage.get("person"))).containsEntry("lost", 0).containsEntry("stuck", 0).containsEntry("avgDays", null);
        }
        // won 1 of 2 closed; deal size 250,000; cycle 1 Sep to 10 Nov = 70 days
        Map<String, Object> mine = map(funnel.get("person"));
        assertThat(mine).containsEntry("won", 1).containsEntry("closed", 2);
        amount(mine, "winRate", "0.5000");
        amount(mine, "avgDealSize", "250000");
        amount(mine, "cycleDays", "70.0");
        // company: won 2 of 3; (250,000 + 100,000) / 2 = 175,000; (70 + 30 days) / 2 = 50 days
        Map<String, Object> company = map(funnel.get("company"));
        assertThat(company).containsEntry("won", 2).containsEntry("closed", 3);
        amount(company, "winRate", "0.6667");
        amount(company, "avgDealSize", "175000");
        amount(company, "cycleDays", "50.0");
    }

    private static ByteArrayResource file(String name, byte[] bytes) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private Map<String, Object> get(String user, String path) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange(path, HttpMethod.GET, null, JSON);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static void stage(Map<String, Object> stage, String side, int entered, int converted, String convertedPct) {
        Map<String, Object> figures = map(stage.get(side));
        assertThat(figures).as(stage.get("code") + " " + side).containsEntry("entered", entered).containsEntry("converted", converted);
        amount(figures, "convertedPct", convertedPct);
    }
}

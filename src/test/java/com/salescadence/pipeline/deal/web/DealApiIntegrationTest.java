package com.salescadence.pipeline.deal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

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

import com.salescadence.metrics.snapshot.SnapshotKind;
import com.salescadence.metrics.snapshot.SnapshotService;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.ImportedDeal;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/**
 * /api/deals on the whole application: who sees and edits which deal, refusals that store nothing, the change log, and
 * edits showing up in the waterfall of what changed since a snapshot.
 */
@CadenceIntegrationTest
class DealApiIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired OpportunityService opportunities;
    @Autowired AccountService accounts;
    @Autowired SnapshotService snapshots;

    private final LocalDate today = LocalDate.now();
    private final LocalDate quarterEnd = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 3).withDayOfMonth(1)
            .plusMonths(1).minusDays(1);

    long pushed;
    long grown;

    @BeforeEach
    void deals() {
        TestOrganization.ensure(organization, administration);
        long account = TestOrganization.account(accounts, TestOrganization.REP).id();
        pushed = deal(account, "Warehouse automation", "449000", today);
        grown = deal(account, "MES rollout", "200000", today.plusDays(1));
    }

    private long deal(long account, String name, String amount, LocalDate close) {
        return opportunities.importDeal(new ImportedDeal(account, TestOrganization.REP, name, new BigDecimal(amount), "CNY",
                close, "VALIDATE", null, null, null, null), TestOrganization.REP, "test").id();
    }

    @Test
    void a_rep_and_their_managers_see_the_deal_another_team_does_not_and_only_the_owner_edits() {
        assertThat(deals(TestOrganization.REP)).contains(pushed, grown);
        assertThat(deals(TestOrganization.MANAGER)).contains(pushed, grown);
        assertThat(deals(TestOrganization.LEADER)).contains(pushed, grown);
        assertThat(deals(TestOrganization.TEAMMATE)).doesNotContain(pushed, grown);
        assertThat(deals(TestOrganization.OTHER_MANAGER)).doesNotContain(pushed, grown);

        String deal = "/api/deals/" + pushed;
        call(TestOrganization.TEAMMATE, HttpMethod.GET, deal, null, HttpStatus.NOT_FOUND);
        call(TestOrganization.OTHER_MANAGER, HttpMethod.GET, deal, null, HttpStatus.NOT_FOUND);
        call(TestOrganization.OTHER_REP, HttpMethod.PATCH, deal, Map.of("amount", "1"), HttpStatus.NOT_FOUND);
        call(null, HttpMethod.GET, deal, null, HttpStatus.UNAUTHORIZED);
        Map<String, Object> page = call(TestOrganization.MANAGER, HttpMethod.GET, deal, null, HttpStatus.OK);
        assertThat(page.get("canEdit")).isEqualTo(false);
        Map<String, Object> managerEdit = call(TestOrganization.MANAGER, HttpMethod.PATCH, deal, Map.of("amount", "1"), HttpStatus.FORBIDDEN);
        assertThat((String) managerEdit.get("error")).contains("Only the deal's owner, Ren Rep, edits it").contains("只有商机负责人");
        assertThat(call(TestOrganization.REP, HttpMethod.GET, deal, null, HttpStatus.OK).get("canEdit")).isEqualTo(true);

        // the manager comments; the rep reads it; another team cannot comment
        call(TestOrganization.OTHER_MANAGER, HttpMethod.POST, deal + "/comments", Map.of("body", "hi"), HttpStatus.NOT_FOUND);
        call(TestOrganization.MANAGER, HttpMethod.POST, deal + "/comments", Map.of("body", ""), HttpStatus.BAD_REQUEST);
        call(TestOrganization.MANAGER, HttpMethod.POST, deal + "/comments", Map.of("body", "Get the PO before the 20th"), HttpStatus.OK);
        assertThat(call(TestOrganization.REP, HttpMethod.GET, deal, null, HttpStatus.OK).get("comments")).asList().singleElement()
                .satisfies(c -> assertThat(map(c)).containsEntry("authorId", TestOrganization.MANAGER)
                        .containsEntry("body", "Get the PO before the 20th"));
    }

    @Test
    void bad_values_are_refused_in_both_languages_and_nothing_is_stored() {
        String deal = "/api/deals/" + pushed;
        Map<String, Object> past = call(TestOrganization.REP, HttpMethod.PATCH, deal,
                Map.of("amount", "500000", "closeDate", today.minusDays(1).toString()), HttpStatus.BAD_REQUEST);
        assertThat((String) past.get("error")).contains("is in the past").contains("已经过去");
        Map<String, Object> zero = call(TestOrganization.REP, HttpMethod.PATCH, deal, Map.of("amount", "0"), HttpStatus.BAD_REQUEST);
        assertThat((String) zero.get("error")).contains("Amount must be greater than zero").contains("金额必须大于零");
        Map<String, Object> overCap = call(TestOrganization.REP, HttpMethod.PATCH, deal, Map.of("probability", "90"), HttpStatus.BAD_REQUEST);
        assertThat((String) overCap.get("error")).contains("at most 50%").contains("最多只能申报 50%");
        Map<String, Object> word = call(TestOrganization.REP, HttpMethod.PATCH, deal, Map.of("amount", "lots"), HttpStatus.BAD_REQUEST);
        assertThat((String) word.get("error")).contains("Amount must be a number, got 'lots'.").contains("金额必须是数字");
        call(TestOrganization.REP, HttpMethod.PATCH, deal, Map.of("closeDate", "31.12.2027"), HttpStatus.BAD_REQUEST);
        call(TestOrganization.REP, HttpMethod.PATCH, deal, Map.of(), HttpStatus.BAD_REQUEST);

        Map<String, Object> page = call(TestOrganization.REP, HttpMethod.GET, deal, null, HttpStatus.OK);
        assertThat(page.get("changes")).asList().isEmpty();
        assertThat(((Map<?, ?>) page.get("deal")).get("amount")).isEqualTo(449000.0);
    }

    @Test
    void edits_are_kept_and_show_in_the_waterfall_as_pushed_out_and_amount_up() {
        long snapshot = snapshots.take(SnapshotKind.MANUAL, null, null, TestOrganization.MANAGER, LocalDateTime.now().minusMinutes(1));
        call(TestOrganization.REP, HttpMethod.PATCH, "/api/deals/" + pushed,
                Map.of("closeDate", quarterEnd.plusDays(1).toString(), "nextStep", "Budget moved to next year"), HttpStatus.OK);
        Map<String, Object> page = call(TestOrganization.REP, HttpMethod.PATCH, "/api/deals/" + grown,
                Map.of("amount", "260000", "probability", "40"), HttpStatus.OK);
        assertThat(page.get("changes")).asList().extracting(c -> ((Map<?, ?>) c).get("field"), c -> ((Map<?, ?>) c).get("oldValue"),
                c -> ((Map<?, ?>) c).get("newValue"), c -> ((Map<?, ?>) c).get("changedBy"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AMOUNT", "200000.00", "260000.00", TestOrganization.REP),
                        org.assertj.core.groups.Tuple.tuple("PROBABILITY", "25", "40", TestOrganization.REP));
        assertThat(((Map<?, ?>) call(TestOrganization.REP, HttpMethod.GET, "/api/deals/" + pushed, null, HttpStatus.OK).get("deal"))
                .get("nextStep")).isEqualTo("Budget moved to next year");

        Map<String, Object> changes = call(TestOrganization.MANAGER, HttpMethod.GET, "/api/snapshots/changes?person="
                + TestOrganization.MANAGER + "&from=" + snapshot, null, HttpStatus.OK);
        List<?> waterfall = (List<?>) changes.get("waterfall");
        assertThat(step(waterfall, "PUSHED_OUT")).containsEntry("amount", -449000.0).containsEntry("count", 1);
        assertThat(step(waterfall, "AMOUNT_UP")).containsEntry("amount", 60000.0).containsEntry("count", 1);
        assertThat(((List<?>) changes.get("changes")).stream().map(c -> map(c).get("name")).toList())
                .contains("Warehouse automation", "MES rollout");
    }

    private static Map<String, Object> step(List<?> waterfall, String category) {
        return waterfall.stream().map(DealApiIntegrationTest::map).filter(s -> category.equals(s.get("category"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private List<Long> deals(String user) {
        Map<String, Object> list = call(user, HttpMethod.GET, "/api/deals", null, HttpStatus.OK);
        return ((List<?>) list.get("deals")).stream().map(d -> ((Number) ((Map<?, ?>) d).get("id")).longValue()).toList();
    }

    private Map<String, Object> call(String user, HttpMethod method, String path, Object body, HttpStatus expected) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, TestOrganization.PASSWORD);
        ResponseEntity<Map<String, Object>> response = client.exchange(path, method, new HttpEntity<>(body, headers), JSON);
        assertThat(response.getStatusCode()).as(method + " " + path + " as " + user + ": " + response.getBody()).isEqualTo(expected);
        return response.getBody();
    }
}

package com.salescadence.pipeline.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.common.NotFoundException;
import com.salescadence.metrics.snapshot.HistorySnapshots;
import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.ImportedDeal;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/** The deal change service on the database: what is stored and kept, what is refused, and who may edit. */
@CadenceIntegrationTest
class DealChangeServiceIntegrationTest {

    @Autowired DealChangeService changes;
    @Autowired DealComments comments;
    @Autowired OpportunityService opportunities;
    @Autowired AccountService accounts;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired HistorySnapshots history;
    @Autowired JdbcClient jdbc;

    long dealId;
    final LocalDate close = LocalDate.now().plusMonths(2);

    @BeforeEach
    void deal() {
        TestOrganization.ensure(organization, administration);
        long account = TestOrganization.account(accounts, TestOrganization.REP).id();
        dealId = opportunities.importDeal(new ImportedDeal(account, TestOrganization.REP, "Warehouse automation",
                new BigDecimal("449000"), "CNY", close, "VALIDATE", null, null, null, null), TestOrganization.REP, "test").id();
    }

    @Test
    void the_owner_changes_the_close_date_and_amount_and_every_change_is_kept() {
        LocalDate later = close.plusMonths(1);
        assertThat(changes.changeCloseDate(dealId, later, TestOrganization.REP)).singleElement()
                .satisfies(c -> {
                    assertThat(c.field()).isEqualTo(DealField.CLOSE_DATE);
                    assertThat(c.oldValue()).isEqualTo(close.toString());
                    assertThat(c.newValue()).isEqualTo(later.toString());
                    assertThat(c.changedBy()).isEqualTo(TestOrganization.REP);
                });
        changes.change(dealId, new DealEdit(new BigDecimal("500000"), null, 40, "Demo for the CFO"), TestOrganization.REP);

        Opportunity deal = opportunities.get(dealId);
        assertThat(deal.expectedCloseDate()).isEqualTo(later);
        assertThat(deal.amount()).isEqualByComparingTo("500000");
        assertThat(deal.probability()).isEqualTo(40);
        assertThat(changes.nextStep(dealId)).contains("Demo for the CFO");
        assertThat(changes.changes(dealId, TestOrganization.MANAGER)).extracting(DealChange::field)
                .containsExactly(DealField.CLOSE_DATE, DealField.AMOUNT, DealField.PROBABILITY, DealField.NEXT_STEP);
    }

    @Test
    void a_refused_edit_stores_nothing_not_even_its_valid_fields() {
        assertThatThrownBy(() -> changes.change(dealId, new DealEdit(new BigDecimal("600000"), LocalDate.now().minusDays(1), null, null),
                TestOrganization.REP)).isInstanceOf(ValidationException.class).hasMessageContaining("in the past");
        assertThat(opportunities.get(dealId).amount()).isEqualByComparingTo("449000");
        assertThat(changes.changes(dealId, TestOrganization.REP)).isEmpty();
    }

    @Test
    void only_the_owner_edits_the_manager_comments_and_another_team_sees_nothing() {
        assertThatThrownBy(() -> changes.changeCloseDate(dealId, close.plusDays(1), TestOrganization.MANAGER))
                .isInstanceOf(DealAccessDenied.class).hasMessageContaining("Ren Rep");
        assertThatThrownBy(() -> changes.changeCloseDate(dealId, close.plusDays(1), TestOrganization.OTHER_REP))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> comments.add(dealId, "Push for a signature", TestOrganization.OTHER_MANAGER))
                .isInstanceOf(NotFoundException.class);
        assertThat(comments.add(dealId, "  Push for a signature  ", TestOrganization.MANAGER)).singleElement()
                .satisfies(c -> assertThat(c.body()).isEqualTo("Push for a signature"));
        assertThatThrownBy(() -> comments.add(dealId, " ", TestOrganization.MANAGER)).isInstanceOf(ValidationException.class);
        assertThat(changes.changes(dealId, TestOrganization.REP)).isEmpty();
    }

    @Test
    void a_history_snapshot_of_a_past_week_holds_the_amount_close_date_and_claimed_probability_the_deal_had_then() {
        LocalDate threeWeeksAgo = LocalDate.now().minusWeeks(3);
        jdbc.sql("update opportunity set created_at = ? where id = ?").params(threeWeeksAgo.atStartOfDay(), dealId).update();
        // claimed 37% with the stage entry (no stage's configured rate): the snapshot keeps the claim, not the stage's rate
        jdbc.sql("update stage_history set changed_at = ?, probability = 37 where opportunity_id = ?").params(threeWeeksAgo.atStartOfDay(), dealId).update();
        changes.change(dealId, new DealEdit(new BigDecimal("500000"), close.plusMonths(1), null, null), TestOrganization.REP);

        assertThat(history.rebuild(threeWeeksAgo, LocalDate.now(), "test")).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select l.amount, l.expected_close_date, l.probability from pipeline_snapshot_line l"
                        + " join pipeline_snapshot s on s.id = l.snapshot_id where s.kind = 'HISTORY' and l.opportunity_id = ?")
                .param(dealId).query((rs, row) -> rs.getBigDecimal(1).toPlainString() + " " + rs.getObject(2, LocalDate.class)
                        + " " + rs.getInt(3)).list())
                .isNotEmpty().allSatisfy(line -> assertThat(line).isEqualTo("449000.00 " + close + " 37"));
    }
}

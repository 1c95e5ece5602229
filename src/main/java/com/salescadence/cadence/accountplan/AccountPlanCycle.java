package com.salescadence.cadence.accountplan;

import static com.salescadence.workflow.AccountPlanProcess.CYCLE_START;
import static com.salescadence.workflow.AccountPlanProcess.MANAGER_ID;
import static com.salescadence.workflow.AccountPlanProcess.PLAN_YEAR;
import static com.salescadence.workflow.AccountPlanProcess.TIER_REVIEW_KEY;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.salescadence.common.ValidationException;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;

/**
 * The yearly account plan cycle (bpmn/account-plan-cycle.bpmn) starts, once per year, a plan revision for every key
 * account and a tier review for every manager with accounts below the key tier; the cycle's delegates only hand it
 * the next batch. Starting twice starts nothing twice.
 */
@Service
public class AccountPlanCycle {

    private static final Logger LOG = LoggerFactory.getLogger(AccountPlanCycle.class);

    private final AccountService accounts;
    private final AccountPlanRevisions revisions;
    private final TierReviewService tierReviews;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    AccountPlanCycle(AccountService accounts, AccountPlanRevisions revisions, TierReviewService tierReviews,
                     RuntimeService runtimeService, HistoryService historyService) {
        this.accounts = accounts;
        this.revisions = revisions;
        this.tierReviews = tierReviews;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    /** The accounts that get a yearly revision, in a stable order. */
    public List<Long> keyAccounts() {
        return accounts.listByTier(AccountTier.KEY).stream().map(Account::id).toList();
    }

    /** The managers that get a yearly tier review, in a stable order. */
    public List<String> tierReviewers() {
        return tierReviews.reviewers();
    }

    /** The account's revision of the year, unless it has one; an account that cannot have one is logged and skipped. */
    public void startRevision(long accountId, int year, Date start) {
        if (!revisions.startedFor(accountId, year)) {
            try {
                revisions.start(accountId, year, start);
            } catch (ValidationException e) {
                LOG.warn("Account {}: no {} revision started: {}", accountId, year, e.getMessage());
            }
        }
    }

    /** The manager's tier review of the year, unless it ran or runs (business key account-plans:year:manager). */
    public void startTierReview(int year, String managerId, Object cycleStart) {
        String businessKey = tierReviewKey(year, managerId);
        if (historyService.createHistoricProcessInstanceQuery().processDefinitionKey(TIER_REVIEW_KEY)
                .processInstanceBusinessKey(businessKey).count() == 0) {
            runtimeService.startProcessInstanceByKey(TIER_REVIEW_KEY, businessKey, Map.of(MANAGER_ID, managerId,
                    PLAN_YEAR, year, CYCLE_START, cycleStart));
        }
    }

    public static String tierReviewKey(int year, String managerId) {
        return "account-plans:" + year + ":" + managerId;
    }
}

package com.salescadence.cadence.accountplan;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;

/**
 * The yearly review of the accounts below the key tier (TierMonitoring: second-tier accounts once a
 * year one by one, the others in one collective review), held by the owner's manager.
 */
@Service
@Transactional
public class TierReviewService {

    private final AccountPlanRepository plans;
    private final AccountService accounts;
    private final OrganizationService organization;
    private final Clock clock;

    TierReviewService(AccountPlanRepository plans, AccountService accounts, OrganizationService organization, Clock clock) {
        this.plans = plans;
        this.accounts = accounts;
        this.organization = organization;
        this.clock = clock;
    }

    /** The managers who review accounts below the key tier: the owners' managers, by login. */
    @Transactional(readOnly = true)
    public List<String> reviewers() {
        Set<String> managers = new TreeSet<>();
        for (AccountTier tier : List.of(AccountTier.SECOND, AccountTier.OTHER)) {
            accounts.listByTier(tier).forEach(a -> managers.add(organization.managerOf(a.ownerId())));
        }
        return new ArrayList<>(managers);
    }

    /** The accounts of a tier this manager reviews: those owned by the manager or by a direct report. */
    @Transactional(readOnly = true)
    public List<Account> accountsOf(String managerId, AccountTier tier) {
        return accounts.listByTier(tier).stream().filter(a -> organization.managerOf(a.ownerId()).equals(managerId)).toList();
    }

    /** The accounts of a tier the manager reviews, as the form's rows, in a stable order (by account no.). */
    @Transactional(readOnly = true)
    public List<TierReviewRow> rows(String managerId, AccountTier tier) {
        return accountsOf(managerId, tier).stream().sorted(java.util.Comparator.comparingLong(Account::id))
                .map(a -> new TierReviewRow(a.id(), a.name(), a.industry(), a.ownerId(), name(a.ownerId()))).toList();
    }

    /** The checks of {@link #record} without storing anything: what the form shows at each account's row. */
    @Transactional(readOnly = true)
    public TierReviewChecks.Result check(String managerId, List<Map<String, Object>> posted, String collectiveNotes) {
        Map<Long, String> second = new LinkedHashMap<>();
        rows(managerId, AccountTier.SECOND).forEach(r -> second.put(r.accountId(), r.name()));
        return TierReviewChecks.check(second, posted, accountsOf(managerId, AccountTier.OTHER).size(), collectiveNotes);
    }

    /**
     * Records one review per second-tier account and one collective review of the other accounts: refused as a whole,
     * with the problems at each account's row ({@link TierReviewChecks}), when one is missing, too long or foreign.
     */
    public List<TierReview> record(int year, String managerId, List<Map<String, Object>> posted, String collectiveNotes) {
        TierReviewChecks.Result checked = check(managerId, posted, collectiveNotes);
        checked.problems().orThrow();
        if (!plans.tierReviews(year, managerId).isEmpty()) {
            throw new ValidationException("您 " + year + " 年的客户层级评审已经记录。 / The " + year + " tier review of " + managerId
                    + " is already recorded.");
        }
        List<Account> second = accountsOf(managerId, AccountTier.SECOND);
        List<Account> other = accountsOf(managerId, AccountTier.OTHER);
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        for (Account account : second) {
            plans.insertTierReview(year, managerId, account.id(), AccountTier.SECOND.name(), 1, checked.notes().get(account.id()).trim(), now);
        }
        if (!other.isEmpty()) {
            plans.insertTierReview(year, managerId, null, AccountTier.OTHER.name(), other.size(), collectiveNotes.trim(), now);
        }
        return plans.tierReviews(year, managerId);
    }

    @Transactional(readOnly = true)
    public List<TierReview> reviews(int year, String managerId) {
        return plans.tierReviews(year, managerId);
    }

    private String name(String personId) {
        return organization.findPerson(personId).map(p -> p.fullName()).orElse(personId);
    }
}

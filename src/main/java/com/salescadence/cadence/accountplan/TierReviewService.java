package com.salescadence.cadence.accountplan;

import java.math.BigDecimal;
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

import com.salescadence.common.Checks;
import com.salescadence.common.Inputs;
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

    @Transactional(readOnly = true)
    public String brief(int year, String managerId) {
        List<Account> second = accountsOf(managerId, AccountTier.SECOND);
        List<Account> other = accountsOf(managerId, AccountTier.OTHER);
        StringBuilder text = new StringBuilder("Year ").append(year).append(": ").append(second.size())
                .append(" second-tier account(s) to review one by one, ").append(other.size())
                .append(" other account(s) to review together.");
        if (!other.isEmpty()) {
            text.append("\nOther accounts: ");
            text.append(String.join(", ", other.stream().map(a -> a.name() + " (" + name(a.ownerId()) + ")").toList()));
        }
        return text.toString();
    }

    /** The reviews of a list of rows [{accountId, notes}] (API input): account id to notes, later rows win. */
    public static Map<Long, String> notes(List<Map<String, Object>> rows) {
        Map<Long, String> notes = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            BigDecimal id = Inputs.amount(row.get("accountId"), "Account no.");
            if (id != null) {
                notes.put(id.longValue(), Inputs.text(row.get("notes")));
            }
        }
        return notes;
    }

    /** Refuses accounts that are not second-tier accounts of the manager's team. */
    @Transactional(readOnly = true)
    public void requireSecondTierOf(String managerId, java.util.Collection<Long> accountIds) {
        Set<Long> mine = new TreeSet<>(accountsOf(managerId, AccountTier.SECOND).stream().map(Account::id).toList());
        Checks checks = Checks.start();
        for (Long id : accountIds) {
            checks.require(mine.contains(id), "Account " + id + " is not a second-tier account of your team.");
        }
        checks.orThrow();
    }

    /** The table of second-tier accounts of the yearly review, in a stable order (by account no.). */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> secondTierRows(String managerId) {
        return accountsOf(managerId, AccountTier.SECOND).stream().sorted(java.util.Comparator.comparingLong(Account::id))
                .map(a -> Map.<String, Object>of("accountId", a.id(), "account", a.name() + " (" + name(a.ownerId()) + ")")).toList();
    }

    /** Records one review per second-tier account and one collective review; every note required, no foreign account. */
    public List<TierReview> record(int year, String managerId, Map<Long, String> secondTierNotes, String collectiveNotes) {
        List<Account> second = accountsOf(managerId, AccountTier.SECOND);
        List<Account> other = accountsOf(managerId, AccountTier.OTHER);
        Checks checks = Checks.start();
        Set<Long> mine = new TreeSet<>(second.stream().map(Account::id).toList());
        for (Long id : secondTierNotes.keySet()) {
            checks.require(mine.contains(id), "Account " + id + " is not a second-tier account of your team.");
        }
        for (Account account : second) {
            checks.requiredText(secondTierNotes.get(account.id()), "Review of " + account.name(), Checks.LONG_TEXT);
        }
        if (!other.isEmpty()) {
            checks.requiredText(collectiveNotes, "Collective review of the other accounts", 4000);
        }
        checks.orThrow();
        if (!plans.tierReviews(year, managerId).isEmpty()) {
            throw new ValidationException("The " + year + " tier review of " + managerId + " is already recorded.");
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        for (Account account : second) {
            plans.insertTierReview(year, managerId, account.id(), AccountTier.SECOND.name(), 1, secondTierNotes.get(account.id()).trim(), now);
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

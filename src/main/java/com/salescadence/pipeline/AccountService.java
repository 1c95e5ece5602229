package com.salescadence.pipeline;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.common.ConflictException;
import com.salescadence.common.NotFoundException;
import com.salescadence.organization.OrganizationService;

@Service
@Transactional
public class AccountService {

    private final AccountRepository accounts;
    private final OrganizationService organization;

    AccountService(AccountRepository accounts, OrganizationService organization) {
        this.accounts = accounts;
        this.organization = organization;
    }

    public Account create(String name, AccountTier tier, String industry, String ownerId) {
        Checks.start()
                .requiredName(name, "Account name", Checks.SHORT_TEXT)
                .require(tier != null, "Tier is required: KEY, SECOND or OTHER.")
                .optionalText(industry, "Industry", 100)
                .require(ownerId != null && organization.findPerson(ownerId).isPresent(), "Owner '" + ownerId + "' is not a known person.")
                .orThrow();
        // checked here for the message; the unique name_key (V20) decides when two people enter it at once
        if (!accounts.findByNameKeys(List.of(nameKey(name))).isEmpty()) {
            throw alreadyExists(name);
        }
        try {
            return get(accounts.insert(name.trim(), tier, industry, ownerId));
        } catch (DuplicateKeyException e) {
            throw alreadyExists(name);
        }
    }

    /** An account to create in bulk. */
    public record NewAccount(String name, AccountTier tier, String industry, String ownerId) {
    }

    /**
     * Accounts whose rows were already checked (the CSV import's validation: names, tiers, owners, names not taken),
     * created with one batch; their ids in order. Two writers taking the same name at once still meet the unique
     * name_key and this fails (the caller's transaction stores nothing).
     */
    public List<Long> createChecked(List<NewAccount> newAccounts) {
        try {
            return accounts.insertAll(newAccounts);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("One of these accounts was created by someone else at the same time; account names are unique.");
        }
    }

    private static ConflictException alreadyExists(String name) {
        return new ConflictException("An account named '" + name.trim() + "' already exists; account names are unique "
                + "(without regard to case and surrounding blanks).");
    }

    @Transactional(readOnly = true)
    public Account get(long id) {
        return accounts.find(id).orElseThrow(() -> new NotFoundException("No account " + id + "."));
    }

    @Transactional(readOnly = true)
    public Account visibleTo(long id, String viewerId) {
        Account account = get(id);
        if (!organization.canSee(viewerId, account.ownerId())) {
            throw new NotFoundException("No account " + id + ".");
        }
        return account;
    }

    /** Every account of a tier, oldest first (the yearly account plan cycle walks them in batches). */
    @Transactional(readOnly = true)
    public List<Account> listByTier(AccountTier tier) {
        return accounts.findByTier(tier);
    }

    /** The accounts whose name is one of these, compared without case and surrounding blanks. */
    @Transactional(readOnly = true)
    public List<Account> findByNames(java.util.Collection<String> names) {
        List<String> keys = names.stream().map(AccountService::nameKey).distinct().toList();
        List<Account> found = new java.util.ArrayList<>();
        for (int from = 0; from < keys.size(); from += 500) {
            found.addAll(accounts.findByNameKeys(keys.subList(from, Math.min(keys.size(), from + 500))));
        }
        return found;
    }

    /** How account names are compared: without case and surrounding blanks. */
    public static String nameKey(String name) {
        return name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The accounts these people own, by name (one statement); none for nobody. */
    @Transactional(readOnly = true)
    public List<Account> ownedBy(java.util.Collection<String> owners) {
        return owners.isEmpty() ? List.of() : accounts.findByOwners(owners);
    }

    @Transactional(readOnly = true)
    public List<Account> listVisibleTo(String viewerId) {
        return organization.visibleOwners(viewerId).map(accounts::findByOwners).orElseGet(accounts::findAll);
    }

}

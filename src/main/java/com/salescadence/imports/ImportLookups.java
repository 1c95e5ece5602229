package com.salescadence.imports;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.salescadence.organization.Person;
import com.salescadence.pipeline.Account;

/** What validation reads from the database; the Spring implementation asks the organization and pipeline services. */
public interface ImportLookups {

    Optional<Person> person(String id);

    /** Whether a login is taken, by an active person or by a leaver. */
    default boolean loginTaken(String id) {
        return person(id).isPresent();
    }

    /** Accounts whose name is one of these (case and surrounding blanks ignored). */
    List<Account> accountsNamed(Collection<String> names);

    boolean contactExists(long accountId, String email, String name);

    boolean opportunityExists(long accountId, String name);

    /** The active person with this e-mail address (case ignored), for a Salesforce export's users; empty when none or several. */
    default Optional<Person> personByEmail(String email) {
        return Optional.empty();
    }

    /**
     * The deals already stored that an orders row may name (issue 12: orders and payments of deals imported before): those
     * imported with this reference (case ignored), or when there are none, those of this name; each with what the checks need.
     */
    default List<StoredDeal> storedDeals(String refOrName) {
        return List.of();
    }

    /** A deal in the database as an orders row sees it: its status, the day it closed, its amount, whether it has an order. */
    record StoredDeal(long id, String name, String ownerId, String status, java.time.LocalDate closedOn, java.math.BigDecimal amount,
                      String currency, boolean hasOrder) {
    }

    /** Whether the person has a weekly commit for the week of that Monday (issue 12's commit history). */
    default boolean commitExists(String personId, java.time.LocalDate monday) {
        return false;
    }
}

package com.salescadence.imports;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.salescadence.organization.Person;
import com.salescadence.pipeline.Account;

/** What validation reads from the database; the Spring implementation asks the organization and pipeline services. */
public interface ImportLookups {

    Optional<Person> person(String id);

    /** Accounts whose name is one of these (case and surrounding blanks ignored). */
    List<Account> accountsNamed(Collection<String> names);

    boolean contactExists(long accountId, String email, String name);

    boolean opportunityExists(long accountId, String name);

    /** Whether the person has a weekly commit for the week of that Monday (issue 12's commit history). */
    default boolean commitExists(String personId, java.time.LocalDate monday) {
        return false;
    }
}

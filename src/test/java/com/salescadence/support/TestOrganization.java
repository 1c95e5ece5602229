package com.salescadence.support;

import java.math.BigDecimal;


import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;

/**
 * A small organisation for tests, added once per database: a leader over two managers, three reps,
 * finance. Password of every login: "secret".
 */
public final class TestOrganization {

    public static final String PASSWORD = "secret";
    public static final String LEADER = "t.leader";
    public static final String MANAGER = "t.mgr1";
    public static final String OTHER_MANAGER = "t.mgr2";
    public static final String REP = "t.rep1";
    public static final String TEAMMATE = "t.rep2";
    public static final String OTHER_REP = "t.rep3";
    public static final String FINANCE = "t.fin";

    private TestOrganization() {
    }

    public static void ensure(OrganizationService organization, OrganizationAdministration administration) {
        if (organization.findPerson(LEADER).isPresent()) {
            return;
        }
        add(administration, LEADER, "Tian Leader", Role.MANAGER, null);
        add(administration, MANAGER, "Meng Manager", Role.MANAGER, LEADER);
        add(administration, OTHER_MANAGER, "Ou Manager", Role.MANAGER, LEADER);
        add(administration, REP, "Ren Rep", Role.REP, MANAGER);
        add(administration, TEAMMATE, "Tang Teammate", Role.REP, MANAGER);
        add(administration, OTHER_REP, "Ou Rep", Role.REP, OTHER_MANAGER);
        add(administration, FINANCE, "Fan Finance", Role.FINANCE, null);
    }

    /**
     * Sets the language ("zh" or "en") of the given people, or of every person of this organisation when none are
     * given: the Tasklist, task names and mails follow it (a new person reads Chinese).
     */
    public static void speak(OrganizationAdministration administration, String language, String... people) {
        String[] who = people.length > 0 ? people : new String[] {LEADER, MANAGER, OTHER_MANAGER, REP, TEAMMATE, OTHER_REP, FINANCE};
        for (String person : who) {
            administration.setLanguage(person, language);
        }
    }

    /** {@link #ensure} with everyone reading Chinese except {@link #REP}, who reads English: a test sees both languages. */
    public static void ensureBilingual(OrganizationService organization, OrganizationAdministration administration) {
        ensure(organization, administration);
        speak(administration, "zh");
        speak(administration, "en", REP);
    }

    public static Account account(AccountService accounts, String owner) {
        return accounts.create("Test account of " + owner + " " + System.nanoTime(), AccountTier.KEY, "Testing", owner);
    }

    public static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    private static void add(OrganizationAdministration administration, String id, String name, Role role, String manager) {
        administration.add(new Person(id, name, id + "@test.local", role, manager, null), PASSWORD);
    }
}

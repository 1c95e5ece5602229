package com.salescadence.organization;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;

/** Adds people to the organization, and their Camunda user with them, in one transaction. */
@Service
@Transactional
public class OrganizationAdministration {

    private final PersonRepository people;
    private final CamundaIdentitySync identities;

    OrganizationAdministration(PersonRepository people, CamundaIdentitySync identities) {
        this.people = people;
        this.identities = identities;
    }

    public Person add(Person person, String password) {
        Checks.start()
                .requiredText(person.id(), "Login name", 64)
                .require(person.id() == null || person.id().matches("[a-z0-9._-]+"), "Login name may only use a-z, 0-9, '.', '_' and '-'.")
                .require(person.id() == null || people.findById(person.id()).isEmpty(), "Login name '" + person.id() + "' is taken.")
                .requiredName(person.fullName(), "Full name", 120)
                .requiredText(person.email(), "E-mail", 200)
                .require(person.role() != null, "Role is required.")
                .require(person.managerId() == null || people.findById(person.managerId()).isPresent(),
                        "Manager '" + person.managerId() + "' does not exist.")
                .orThrow();
        people.insert(person);
        identities.sync(person, password);
        return person;
    }

    public void setLanguage(String personId, String language) {
        Checks.start().require("zh".equals(language) || "en".equals(language), "Language must be zh or en.").orThrow();
        people.setLanguage(personId, language);
    }
}

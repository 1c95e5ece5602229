package com.salescadence.imports;

import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;

/** Who may import: managers, for the people of their team (themselves included), and administrators, for anyone. */
@Component
class ImportAccess {

    private final OrganizationService organization;
    private final IdentityService identityService;

    ImportAccess(OrganizationService organization, IdentityService identityService) {
        this.organization = organization;
        this.identityService = identityService;
    }

    boolean isAdmin(String userId) {
        return organization.findPerson(userId).map(p -> p.role() == Role.ADMIN).orElse(false)
                || identityService.createGroupQuery().groupMember(userId).groupId(Role.ADMIN.groupId()).count() > 0;
    }

    /** The owners the user may import for; null for everyone (an administrator). Reps and finance are refused. */
    Set<String> allowedOwners(String userId) {
        if (isAdmin(userId)) {
            return null;
        }
        Optional<Person> person = organization.findPerson(userId);
        if (person.isPresent() && person.get().role() == Role.MANAGER) {
            return organization.teamOf(userId);
        }
        throw new AccessDeniedException("Only managers (for their team) and administrators may import.");
    }
}

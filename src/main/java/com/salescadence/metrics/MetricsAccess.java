package com.salescadence.metrics;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;

/** Whose figures a caller may see: their own; a manager everyone below them; an admin everyone. */
@Component
public class MetricsAccess {

    private final OrganizationService organization;

    MetricsAccess(OrganizationService organization) {
        this.organization = organization;
    }

    /** The person asked about (the caller when null); 404 when unknown, 403 when not the caller's to see. */
    public Person resolve(String callerId, String personId) {
        Person caller = organization.person(callerId);
        if (personId == null || personId.isBlank() || personId.equals(callerId)) {
            return caller;
        }
        Person person = organization.person(personId);
        boolean allowed = caller.role() == Role.ADMIN
                || caller.role() == Role.MANAGER && organization.managersAbove(personId).contains(callerId);
        if (!allowed) {
            throw new AccessDeniedException(caller.role() == Role.MANAGER
                    ? "'" + personId + "' is not in your team: a manager sees the figures of the people below them."
                    : "You may only see your own figures, not those of '" + personId + "'.");
        }
        return person;
    }
}

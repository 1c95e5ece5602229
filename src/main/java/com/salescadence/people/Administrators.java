package com.salescadence.people;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.salescadence.organization.Role;

/** Only administrators (members of the Camunda administrators' group) manage people and quotas. */
@Component
class Administrators {

    private static final String AUTHORITY = "GROUP_" + Role.ADMIN.groupId();

    boolean is(Authentication caller) {
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
    }

    void require(Authentication caller) {
        if (!is(caller)) {
            throw new AccessDeniedException("Only administrators manage people and quotas.");
        }
    }
}

package com.salescadence.workflow.admin;

import java.security.Principal;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.salescadence.organization.Role;

/** Only members of the Camunda administrators' group (camunda-admin) change or inspect the cadence models. */
@Component
class AdminAccess {

    private final IdentityService identityService;

    AdminAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    void require(Principal principal) {
        if (principal == null || identityService.createGroupQuery()
                .groupMember(principal.getName()).groupId(Role.ADMIN.groupId()).count() == 0) {
            throw new AccessDeniedException("Only administrators may do this.");
        }
    }
}

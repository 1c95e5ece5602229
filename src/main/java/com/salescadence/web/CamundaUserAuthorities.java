package com.salescadence.web;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The Spring Security authorities of a Camunda user: one {@code GROUP_<id>} per group the user belongs to.
 * HTTP Basic and the Tasklist session give a user the same authorities, always read fresh from the identities.
 */
final class CamundaUserAuthorities {

    static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identityService;

    CamundaUserAuthorities(IdentityService identityService) {
        this.identityService = identityService;
    }

    List<GrantedAuthority> of(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).<GrantedAuthority>map(g -> new SimpleGrantedAuthority(GROUP_PREFIX + g)).toList();
    }

    boolean exists(String userId) {
        return identityService.createUserQuery().userId(userId).count() == 1;
    }
}

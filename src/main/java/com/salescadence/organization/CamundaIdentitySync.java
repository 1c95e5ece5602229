package com.salescadence.organization;

import java.security.SecureRandom;
import java.util.Base64;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.salescadence.common.StartupLock;

/**
 * Keeps Camunda's users, groups and authorizations in step with the organization's people: one user
 * per person, one group per role, and what each group may open. Runs at start-up and whenever a person
 * is added.
 */
@Component
@Order(20)
public class CamundaIdentitySync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CamundaIdentitySync.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final PersonRepository people;
    private final StartupLock startupLock;

    CamundaIdentitySync(IdentityService identityService, AuthorizationService authorizationService, PersonRepository people,
                        StartupLock startupLock) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.people = people;
        this.startupLock = startupLock;
    }

    /** At start-up, one node at a time (a second node starting at once waits and then finds everything in place). */
    @Override
    public void run(ApplicationArguments args) {
        startupLock.run(() -> {
            ensureGroupsAndGrants();
            people.findAll().forEach(person -> sync(person, null));
        });
    }

    public void ensureGroupsAndGrants() {
        for (Role role : Role.values()) {
            if (identityService.createGroupQuery().groupId(role.groupId()).count() == 0) {
                Group group = identityService.newGroup(role.groupId());
                group.setName(switch (role) {
                    case REP -> "Sales reps";
                    case MANAGER -> "Sales managers";
                    case ADMIN -> "Administrators";
                    case FINANCE -> "Finance";
                });
                group.setType(role == Role.ADMIN ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
                identityService.saveGroup(group);
            }
        }
        // administrators may do everything (the engine also treats camunda-admin as admin group)
        for (Resource resource : Resources.values()) {
            grant(Role.ADMIN.groupId(), resource, Authorization.ANY, Permissions.ALL);
        }
        for (Role role : new Role[] {Role.REP, Role.MANAGER, Role.FINANCE}) {
            grant(role.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(role.groupId(), Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
            grant(role.groupId(), Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        }
        // Cockpit and Admin are the administrators' (README): the grant managers had before is withdrawn
        for (Role role : new Role[] {Role.REP, Role.MANAGER, Role.FINANCE}) {
            for (String application : new String[] {"cockpit", "admin"}) {
                revoke(role.groupId(), Resources.APPLICATION, application);
            }
        }
    }

    private void revoke(String groupId, Resource resource, String resourceId) {
        authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }

    /** Creates or updates the Camunda user of a person; a new user without a password gets a random one. */
    public void sync(Person person, String password) {
        User user = identityService.createUserQuery().userId(person.id()).singleResult();
        boolean created = user == null;
        if (created) {
            user = identityService.newUser(person.id());
        }
        String[] names = person.fullName().trim().split("\\s+", 2);
        user.setFirstName(names[0]);
        user.setLastName(names.length > 1 ? names[1] : "");
        user.setEmail(person.email());
        if (password != null) {
            user.setPassword(password);
        } else if (created) {
            user.setPassword(randomPassword());
            log.info("Created Camunda user '{}' with a random password: an administrator sets it in Camunda Admin", person.id());
        }
        identityService.saveUser(user);
        for (Role role : Role.values()) {
            boolean member = identityService.createUserQuery().userId(person.id()).memberOfGroup(role.groupId()).count() > 0;
            if (role == person.role() && !member) {
                identityService.createMembership(person.id(), role.groupId());
            } else if (role != person.role() && member) {
                identityService.deleteMembership(person.id(), role.groupId());
            }
        }
    }

    /** Removes a person's Camunda user (and its memberships): they can no longer sign in. Their history keeps their id. */
    public void remove(String personId) {
        if (identityService.createUserQuery().userId(personId).count() > 0) {
            identityService.deleteUser(personId);
        }
    }

    /** Sets the password of a person's Camunda user (salted and hashed by the identity service). */
    public void setPassword(String personId, String password) {
        User user = identityService.createUserQuery().userId(personId).singleResult();
        if (user == null) {
            throw new com.salescadence.common.NotFoundException("No sign-in for '" + personId + "'.");
        }
        user.setPassword(password);
        identityService.saveUser(user);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        boolean exists = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

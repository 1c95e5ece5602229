package com.salescadence.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.process.LeadIntake;

/**
 * What the shared context's reset between test classes removes (people, users, a running deal process, its history,
 * the product's rows, grants added by tests) and what it keeps (the role groups, their grants, the engine's
 * administrator, the deployed models), so that the next class starts as on a fresh database.
 */
@CadenceIntegrationTest
class SharedContextResetIntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired LeadIntake intake;
    @Autowired JdbcClient jdbc;

    @Test
    void a_class_finds_nothing_of_the_classes_before_it_but_what_start_up_created() {
        long grantsAtStart = engine.getAuthorizationService().createAuthorizationQuery().count();
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        TestOrganization.ensure(organization, administration);
        intake.receive(new NewLead(TestOrganization.account(accounts, TestOrganization.REP).id(), TestOrganization.REP,
                "Reset probe", "Web", TestOrganization.amount("300000")));
        Group other = engine.getIdentityService().newGroup("t-probe-group");
        engine.getIdentityService().saveGroup(other);
        Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(Role.REP.groupId());
        grant.setResource(org.camunda.bpm.engine.authorization.Resources.FILTER);
        grant.setResourceId("t-probe");
        grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(grant);
        ClockUtil.setCurrentTime(new java.util.Date(0));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isPositive();
        assertThat(count("person")).isPositive();

        SharedContextReset.reset(context);

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).as("process instances").isZero();
        assertThat(engine.getTaskService().createTaskQuery().count()).as("tasks").isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).as("history").isZero();
        assertThat(count("person")).as("people").isZero();
        assertThat(count("account")).as("accounts").isZero();
        assertThat(count("lead")).as("leads").isZero();
        assertThat(count("startup_lock")).as("a row a migration seeds").isPositive();
        assertThat(engine.getIdentityService().createUserQuery().list()).extracting(User::getId).containsExactly("t.admin");
        assertThat(engine.getIdentityService().createGroupQuery().list()).extracting(Group::getId)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::groupId).toList());
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).as("the grants of start-up, no more")
                .isEqualTo(grantsAtStart);
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).as("deployments stay").isEqualTo(deployments);
        assertThat(ClockUtil.getCurrentTime()).isAfter(new java.util.Date(0));
        assertThat(ProcessEngines.getProcessEngine(engine.getName())).isSameAs(engine);

        // the organisation can be added again, as a class on a fresh database does
        TestOrganization.ensure(organization, administration);
        assertThat(organization.findPerson(TestOrganization.REP)).isPresent();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}

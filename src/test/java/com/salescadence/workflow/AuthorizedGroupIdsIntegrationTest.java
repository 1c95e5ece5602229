package com.salescadence.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * {@link AuthorizedGroupIds}: the engine's authorization manager reads the authorized group ids from the rows with a
 * group only, gives the same groups as the engine's own statement, and a task list shows the same tasks as with the
 * engine's manager. Which statement ran is counted from MyBatis's statement log (DEBUG on the statement's id).
 */
@CadenceIntegrationTest
class AuthorizedGroupIdsIntegrationTest {

    @Autowired ProcessEngine engine;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;

    /** A group with an authorization and one without, a user in both and a user in none. */
    private static final String GRANTED_GROUP = "t-authz-granted";
    private static final String BARE_GROUP = "t-authz-bare";
    private static final String TWO_GROUPS = "t.authz.two";
    private static final String NO_GROUPS = "t.authz.none";

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        IdentityService identity = engine.getIdentityService();
        engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(GRANTED_GROUP, BARE_GROUP).list()
                .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
        for (String user : List.of(TWO_GROUPS, NO_GROUPS)) {
            identity.deleteUser(user);
        }
        for (String group : List.of(GRANTED_GROUP, BARE_GROUP)) {
            identity.deleteGroup(group);
        }
    }

    @Test
    void the_engine_opens_the_group_indexed_authorization_manager_in_every_command() {
        AuthorizationManager manager = command(context -> context.getAuthorizationManager());

        assertThat(manager).isInstanceOf(AuthorizedGroupIds.GroupIndexedAuthorizationManager.class);
        assertThat(configuration().getSqlSessionFactory().getConfiguration().hasStatement(AuthorizedGroupIds.STATEMENT)).isTrue();
    }

    @Test
    void of_a_users_groups_only_those_with_an_authorization_remain_as_the_engines_statement_says() {
        IdentityService identity = engine.getIdentityService();
        for (String group : List.of(GRANTED_GROUP, BARE_GROUP)) {
            identity.saveGroup(identity.newGroup(group));
        }
        identity.saveUser(identity.newUser(TWO_GROUPS));
        identity.saveUser(identity.newUser(NO_GROUPS));
        identity.createMembership(TWO_GROUPS, GRANTED_GROUP);
        identity.createMembership(TWO_GROUPS, BARE_GROUP);
        // the engine grants every new group READ on itself: the bare group gives that up, so it has no authorization
        engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(BARE_GROUP).list()
                .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(BARE_GROUP).count()).isZero();
        Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(GRANTED_GROUP);
        grant.setResource(Resources.FILTER);
        grant.setResourceId("t-authz-no-such-filter");
        grant.addPermission(Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(grant);

        assertThat(groupsOf(TWO_GROUPS)).containsExactlyInAnyOrder(GRANTED_GROUP, BARE_GROUP);
        assertThat(filtered(groupsOf(TWO_GROUPS))).containsExactly(GRANTED_GROUP);
        assertThat(filtered(groupsOf(NO_GROUPS))).isEmpty();
        // the whole set is the engine's: the distinct group ids of all authorization rows, without the null
        Set<String> engines = command(context -> {
            Set<String> groups = new HashSet<>(context.getDbEntityManager().<String>selectList(AuthorizedGroupIds.ENGINE_STATEMENT));
            groups.remove(null);
            return groups;
        });
        Set<String> ours = command(context -> new HashSet<>(context.getDbEntityManager().<String>selectList(AuthorizedGroupIds.STATEMENT)));
        assertThat(ours).isEqualTo(engines).contains(GRANTED_GROUP).doesNotContain(BARE_GROUP);
    }

    @Test
    void every_task_list_shows_the_tasks_it_showed_with_the_engines_manager_without_reading_every_authorization() {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        String cycle = weeks.open(LocalDateTime.of(2021, 3, 7, 8, 0));
        String repTask = weeks.commitTask(cycle, TestOrganization.REP).getId();
        String teammateTask = weeks.commitTask(cycle, TestOrganization.TEAMMATE).getId();
        String otherRepTask = weeks.commitTask(cycle, TestOrganization.OTHER_REP).getId();

        try (StatementLog log = new StatementLog()) {
            for (String person : List.of(TestOrganization.REP, TestOrganization.TEAMMATE, TestOrganization.OTHER_REP,
                    TestOrganization.MANAGER, TestOrganization.OTHER_MANAGER, TestOrganization.LEADER)) {
                log.clear();
                List<String> own = ownTaskList(person);
                List<String> visible = visibleTasks(person);
                assertThat(log.ran(AuthorizedGroupIds.STATEMENT)).as(person).isPositive();
                assertThat(log.ran(AuthorizedGroupIds.ENGINE_STATEMENT)).as(person).isZero();

                log.clear();
                assertThat(withEnginesManager(() -> ownTaskList(person))).as(person).isEqualTo(own);
                assertThat(withEnginesManager(() -> visibleTasks(person))).as(person).isEqualTo(visible);
                assertThat(log.ran(AuthorizedGroupIds.ENGINE_STATEMENT)).as(person).isPositive();
                assertThat(log.ran(AuthorizedGroupIds.STATEMENT)).as(person).isZero();
            }
            assertThat(ownTaskList(TestOrganization.REP)).containsExactly(repTask);
            assertThat(visibleTasks(TestOrganization.REP)).containsExactly(repTask);
            assertThat(visibleTasks(TestOrganization.MANAGER)).contains(repTask, teammateTask).doesNotContain(otherRepTask);
            assertThat(visibleTasks(TestOrganization.OTHER_MANAGER)).contains(otherRepTask).doesNotContain(repTask, teammateTask);
        }
    }

    /** The rep's own open tasks as the task-list bench queries them: the assignee's, newest first. */
    private List<String> ownTaskList(String person) {
        return as(person, () -> engine.getTaskService().createTaskQuery().taskAssignee(person).active()
                .orderByTaskCreateTime().desc().orderByTaskId().asc().listPage(0, 50).stream().map(Task::getId).toList());
    }

    /** Every open task the person may read (a manager: their team's). */
    private List<String> visibleTasks(String person) {
        return as(person, () -> engine.getTaskService().createTaskQuery().active().orderByTaskId().asc().list().stream()
                .map(Task::getId).toList());
    }

    private <T> T as(String person, Supplier<T> work) {
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication(person, groupsOf(person));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private List<String> groupsOf(String user) {
        return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    private List<String> filtered(List<String> groups) {
        return command(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
    }

    /** The work with the engine's own AuthorizationManager, as without the plugin. */
    private <T> T withEnginesManager(Supplier<T> work) {
        Map<Class<?>, SessionFactory> factories = configuration().getSessionFactories();
        SessionFactory plugin = factories.put(AuthorizationManager.class, new GenericManagerFactory(AuthorizationManager.class));
        try {
            return work.get();
        } finally {
            factories.put(AuthorizationManager.class, plugin);
        }
    }

    private <T> T command(Command<T> command) {
        return configuration().getCommandExecutorTxRequired().execute(command);
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /** MyBatis's DEBUG log of the two statements ("==>  Preparing: ..." per execution), while open. */
    private static final class StatementLog implements AutoCloseable {

        private final List<Logger> loggers = List.of(AuthorizedGroupIds.STATEMENT, AuthorizedGroupIds.ENGINE_STATEMENT).stream()
                .map(name -> (Logger) LoggerFactory.getLogger(name)).toList();
        private final List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        StatementLog() {
            appender.start();
            for (Logger logger : loggers) {
                logger.setLevel(Level.DEBUG);
                logger.addAppender(appender);
            }
        }

        void clear() {
            appender.list.clear();
        }

        long ran(String statement) {
            return appender.list.stream().filter(e -> e.getLoggerName().equals(statement))
                    .filter(e -> e.getFormattedMessage().contains("Preparing:")).count();
        }

        @Override
        public void close() {
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).detachAppender(appender);
                loggers.get(i).setLevel(levels.get(i));
            }
            appender.stop();
        }
    }
}

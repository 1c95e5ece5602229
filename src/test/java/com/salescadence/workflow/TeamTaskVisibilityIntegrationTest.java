package com.salescadence.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.ThreadStatements;
import com.salescadence.support.WeeklyCycles;

/**
 * The managers above a task's assignee read it, nobody else does (issue 15 round 8: a task created by the command
 * grants without asking ACT_RU_AUTHORIZATION per manager; a reassigned task still merges into the grants it has).
 */
@CadenceIntegrationTest
class TeamTaskVisibilityIntegrationTest {

    private static final LocalDateTime SUNDAY = LocalDateTime.of(2041, 3, 3, 8, 0);

    @Autowired ProcessEngine engine;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired JdbcClient jdbc;

    @Test
    void the_managers_above_read_new_and_reassigned_tasks_others_do_not_and_a_new_tasks_grants_look_nothing_up() {
        TestOrganization.ensure(organization, administration);
        try {
            grantsOfNewAndReassignedTasks();
        } finally {
            ClockUtil.reset();
        }
    }

    private void grantsOfNewAndReassignedTasks() {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        String[] key = new String[1];
        List<String> statements = ThreadStatements.texts(() -> key[0] = weeks.open(SUNDAY));
        List<Task> commits = engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike(key[0] + ":%")
                .taskDefinitionKey(WeeklyCommitProcess.TASK_SUBMIT_WEEKLY_COMMIT).list();
        assertThat(commits).extracting(Task::getAssignee).contains(TestOrganization.REP, TestOrganization.TEAMMATE, TestOrganization.OTHER_REP);
        // the engine's own lookup of each new task's assignee grant (its default authorizations) and nothing per manager:
        // before, each task also asked once for each manager above its rep (2 here)
        long lookups = statements.stream().map(s -> s.toUpperCase(Locale.ROOT))
                .filter(s -> s.contains("ACT_RU_AUTHORIZATION") && s.stripLeading().startsWith("SELECT")).count();
        assertThat(lookups).as("authorization reads while %d commit tasks were created", commits.size()).isEqualTo(commits.size());

        Task rep = task(key[0], WeeklyCommitProcess.TASK_SUBMIT_WEEKLY_COMMIT, TestOrganization.REP);
        assertReaders(rep.getId(), List.of(TestOrganization.MANAGER, TestOrganization.LEADER),
                List.of(TestOrganization.TEAMMATE, TestOrganization.OTHER_MANAGER, TestOrganization.OTHER_REP));

        // Monday 09:00: the first-line managers' commit calls, read by the leader only
        WeeklyCycles.setClock(SUNDAY.plusHours(25));
        weeks.runDueJobs(key[0]);
        Task call = task(key[0], WeeklyCommitProcess.TASK_RUN_COMMIT_CALL, TestOrganization.MANAGER);
        assertReaders(call.getId(), List.of(TestOrganization.LEADER),
                List.of(TestOrganization.OTHER_MANAGER, TestOrganization.REP, TestOrganization.TEAMMATE, TestOrganization.OTHER_REP));

        // an existing task handed to another rep: the new rep's managers are looked up and granted, the grants it had
        // are kept and not written twice (the former assignee keeps the engine's own grant: not this listener's)
        engine.getTaskService().setAssignee(rep.getId(), TestOrganization.OTHER_REP);
        assertReaders(rep.getId(), List.of(TestOrganization.MANAGER, TestOrganization.LEADER, TestOrganization.OTHER_MANAGER),
                List.of(TestOrganization.TEAMMATE));
        engine.getTaskService().setAssignee(rep.getId(), TestOrganization.TEAMMATE);
        assertReaders(rep.getId(), List.of(TestOrganization.MANAGER, TestOrganization.LEADER, TestOrganization.OTHER_MANAGER), List.of());
    }

    private Task task(String key, String definition, String assignee) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike(key + "%").taskDefinitionKey(definition)
                .taskAssignee(assignee).singleResult();
    }

    /** Each reader holds exactly one grant row with READ on the task; the others none and cannot read it. */
    private void assertReaders(String taskId, List<String> readers, List<String> others) {
        for (String reader : readers) {
            assertThat(canRead(reader, taskId)).as(reader + " reads " + taskId).isTrue();
            assertThat(grantRows(reader, taskId)).as(reader + "'s grant rows on " + taskId).isEqualTo(1);
        }
        for (String other : others) {
            assertThat(canRead(other, taskId)).as(other + " reads " + taskId).isFalse();
        }
    }

    private boolean canRead(String user, String taskId) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        return engine.getAuthorizationService().isUserAuthorized(user, groups, Permissions.READ, Resources.TASK, taskId);
    }

    private long grantRows(String user, String taskId) {
        return jdbc.sql("select count(*) from ACT_RU_AUTHORIZATION where TYPE_ = 1 and USER_ID_ = ? and RESOURCE_TYPE_ = ? and RESOURCE_ID_ = ?")
                .param(user).param(Resources.TASK.resourceType()).param(taskId).query(Long.class).single();
    }
}

package com.salescadence.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.salescadence.support.TestDatabase;
import com.salescadence.workflow.MeetingProcess;

/**
 * A fresh start with the demo data (its own empty database, as the demo loads only into one): the week's 1:1s and team
 * meetings wait in the Tasklist, and last week's open action item is on the next 1:1's agenda. The job executor is
 * off in tests: the rhythm's steps are run as the executor would.
 */
@SpringBootTest(properties = {"cadence.demo.enabled=true", "cadence.demo.password=demo"})
@ActiveProfiles("test")
class DemoMeetingsIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerOwn(registry, "meet_demo");
    }

    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired MeetingService meetings;
    @Autowired AgendaService agendas;

    @Test
    void the_demo_week_has_its_one_on_ones_and_team_meetings_with_agendas_and_last_weeks_open_action_on_the_next_one() {
        for (int i = 0; i < 20; i++) {
            List<Job> jobs = managementService.createJobQuery().processDefinitionKey(MeetingProcess.KEY).executable().list();
            if (jobs.isEmpty()) {
                break;
            }
            managementService.executeJob(jobs.get(0).getId());
        }
        List<Task> held = taskService.createTaskQuery().taskDefinitionKey(MeetingProcess.TASK_HOLD_MEETING).list();
        List<Meeting> week = held.stream().map(t -> meetings.get(((Number) taskService.getVariable(t.getId(), MeetingProcess.MEETING_ID)).longValue())).toList();
        assertThat(week).extracting(Meeting::kind).contains(MeetingKind.ONE_ON_ONE, MeetingKind.TEAM);
        assertThat(week.stream().filter(m -> m.kind() == MeetingKind.ONE_ON_ONE).count()).isEqualTo(12);
        assertThat(week.stream().filter(m -> m.kind() == MeetingKind.TEAM).count()).isEqualTo(4);

        List<Task> actions = taskService.createTaskQuery().taskDefinitionKey(MeetingProcess.TASK_DO_ACTION_ITEM).list();
        assertThat(actions).hasSize(1);
        ActionItem item = meetings.action(((Number) taskService.getVariable(actions.get(0).getId(), MeetingProcess.ACTION_ID)).longValue());
        Meeting earlier = meetings.get(item.meetingId());
        Meeting next = week.stream().filter(m -> m.seriesKey().equals(earlier.seriesKey())).findFirst().orElseThrow();
        Agenda agenda = agendas.of(next);
        assertThat(agenda.openActions()).extracting(Agenda.OpenAction::what).containsExactly(item.what());
        assertThat(agenda.results().quota()).as("prefilled from the product").isNotNull();
        assertThat(agenda.keyDeals()).isNotEmpty();
    }
}

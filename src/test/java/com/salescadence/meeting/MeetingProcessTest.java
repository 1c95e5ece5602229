package com.salescadence.meeting;

import static com.salescadence.support.ProcessDriver.date;
import static com.salescadence.support.ProcessDriver.setClock;
import static com.salescadence.workflow.MeetingProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import com.salescadence.calendar.MeetingCancelled;
import com.salescadence.calendar.MeetingScheduled;
import com.salescadence.notification.NotificationService;
import com.salescadence.notification.OutboxMessage;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.TestOrganization;

/**
 * Every path of bpmn/meeting-rhythm.bpmn, hold-meeting.bpmn and action-item.bpmn with the real delegates, services
 * and tables: the week's meetings set (and announced to the calendar), a meeting held with action items, an action
 * item done, one overdue and escalated and carried to the next agenda, a meeting not held (reminded, escalated,
 * lapsed), a meeting moved and one dropped because its rep left. Time moves with the engine's clock; each test has
 * its own weeks, far from today.
 */
@CadenceIntegrationTest
class MeetingProcessTest {

    private static final String ONE_ON_ONE = "one-on-one-";

    @Autowired ProcessEngine engine;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired MeetingService meetings;
    @Autowired AgendaService agendas;
    @Autowired com.salescadence.meeting.process.HoldMeetings holdMeetings;
    @Autowired NotificationService notifications;
    @Autowired ConfigurableApplicationContext context;

    private ProcessDriver driver;
    private final List<Object> published = new ArrayList<>();
    private final ApplicationListener<PayloadApplicationEvent<?>> recorder = event -> {
        if (event.getPayload() instanceof MeetingScheduled || event.getPayload() instanceof MeetingCancelled) {
            published.add(event.getPayload());
        }
    };

    @BeforeEach
    void setUp() {
        driver = new ProcessDriver(engine);
        init(engine);
        TestOrganization.ensure(organization, administration);
        context.addApplicationListener(recorder);
    }

    @AfterEach
    void tearDown() {
        context.removeApplicationListener(recorder);
        ClockUtil.reset();
    }

    @Test
    void a_week_sets_each_managers_one_on_ones_back_to_back_the_team_meetings_and_in_the_first_week_the_business_meeting() {
        LocalDateTime monday = LocalDateTime.of(2025, 3, 3, 8, 0);
        ProcessInstance rhythm = startWeek(monday);
        String week = "2025-W10";
        assertThat(rhythm).isEnded();

        List<Meeting> set = meetings.ofWeek(week);
        Assertions.assertThat(set).extracting(Meeting::uid).containsExactlyInAnyOrder(
                "one-on-one-2025-W10-t.mgr1-t.rep1", "one-on-one-2025-W10-t.mgr1-t.rep2", "one-on-one-2025-W10-t.mgr2-t.rep3",
                "team-meeting-2025-W10-t.mgr1", "team-meeting-2025-W10-t.mgr2", "business-meeting-2025-W10-t.leader");
        Meeting first = meeting("one-on-one-2025-W10-t.mgr1-t.rep1");
        Meeting second = meeting("one-on-one-2025-W10-t.mgr1-t.rep2");
        Assertions.assertThat(first.startsAt()).as("after the 09:00 commit call").isEqualTo(monday.plusHours(2));
        Assertions.assertThat(second.startsAt()).as("back to back").isEqualTo(monday.plusHours(2).plusMinutes(30));
        Assertions.assertThat(meeting("team-meeting-2025-W10-t.mgr1").startsAt()).isEqualTo(LocalDateTime.of(2025, 3, 6, 14, 0));
        Assertions.assertThat(meeting("business-meeting-2025-W10-t.leader").lengthMinutes()).isEqualTo(120);
        Assertions.assertThat(meetings.attendees(meeting("business-meeting-2025-W10-t.leader").id()))
                .containsExactlyInAnyOrder(TestOrganization.MANAGER, TestOrganization.OTHER_MANAGER);

        // every occurrence announced to the calendars once, sequence 0
        List<MeetingScheduled> scheduled = published.stream().filter(MeetingScheduled.class::isInstance).map(MeetingScheduled.class::cast).toList();
        Assertions.assertThat(scheduled).hasSize(6).allMatch(e -> e.sequence() == 0);
        MeetingScheduled oneOnOne = scheduled.stream().filter(e -> e.uid().equals(first.uid())).findFirst().orElseThrow();
        Assertions.assertThat(oneOnOne.organizerId()).isEqualTo(TestOrganization.MANAGER);
        Assertions.assertThat(oneOnOne.attendeeIds()).containsExactly(TestOrganization.REP);
        Assertions.assertThat(oneOnOne.length().toMinutes()).isEqualTo(30);
        Assertions.assertThat(oneOnOne.titleZh()).contains("一对一会议");
        Assertions.assertThat(oneOnOne.agendaEn()).contains("Key deals");

        // each meeting is a task of its owner, named in their language, due 4 hours after the meeting; the invite
        // carries the task's Tasklist address (URL and DESCRIPTION), the link the cadence's mails use
        Task task = holdTask(first.uid());
        Assertions.assertThat(oneOnOne.link()).endsWith("/camunda/app/tasklist/default/#/?task=" + task.getId());
        Assertions.assertThat(scheduled).allSatisfy(e -> Assertions.assertThat(e.link()).contains("/camunda/app/tasklist/default/#/?task="));
        Assertions.assertThat(mails(TestOrganization.REP, oneOnOne.link())).as("the rep's invite").hasSize(1);
        Assertions.assertThat(task.getAssignee()).isEqualTo(TestOrganization.MANAGER);
        Assertions.assertThat(task.getName()).contains("一对一会议").contains("Ren Rep");
        Assertions.assertThat(ProcessDriver.toLocal(task.getDueDate())).isEqualTo(monday.plusHours(6).plusMinutes(30));

        // the next week: 1:1s again, but no team meeting (every two weeks) and no business meeting
        startWeek(monday.plusWeeks(1));
        Assertions.assertThat(meetings.ofWeek("2025-W11")).extracting(Meeting::kind).containsOnly(MeetingKind.ONE_ON_ONE);
        // a week started twice sets nothing twice
        int before = published.size();
        startWeek(monday.plusWeeks(1));
        Assertions.assertThat(published).hasSize(before);
        Assertions.assertThat(meetings.ofWeek("2025-W11")).hasSize(3);
    }

    @Test
    void a_meeting_held_with_action_items_gives_each_its_task_and_an_open_one_is_on_the_next_agenda_until_done() {
        LocalDateTime monday = LocalDateTime.of(2025, 4, 7, 8, 0);
        startWeek(monday);
        Meeting meeting = meeting("one-on-one-2025-W15-t.mgr1-t.rep1");
        ProcessInstance hold = driver.instance(HOLD_KEY, meeting.uid());
        setClock(monday.plusHours(3));
        meetings.saveMinutes(meeting.id(), "Talked through the quarter.", "Focus on two deals.", List.of(
                new ActionInput("Send the revised quote", TestOrganization.REP, LocalDate.of(2025, 4, 10)),
                new ActionInput("Book the executive visit", TestOrganization.MANAGER, LocalDate.of(2025, 4, 18))));
        driver.completeAs(TestOrganization.MANAGER, holdTask(meeting.uid()), Map.of());
        assertThat(hold).hasPassed("Service_RecordMeetingHeld", "Service_StartActionItems").isEnded();
        Assertions.assertThat(meetings.get(meeting.id()).status()).isEqualTo(MeetingStatus.HELD);

        List<ActionItem> items = meetings.actionsOf(meeting.id());
        ProcessInstance quote = driver.instance(ACTION_KEY, "action-" + items.get(0).id());
        ProcessInstance visit = driver.instance(ACTION_KEY, "action-" + items.get(1).id());
        Task quoteTask = driver.task(quote, TASK_DO_ACTION_ITEM);
        Assertions.assertThat(quoteTask.getAssignee()).isEqualTo(TestOrganization.REP);
        Assertions.assertThat(quoteTask.getName()).contains("Send the revised quote").contains("一对一会议");
        Assertions.assertThat(ProcessDriver.toLocal(quoteTask.getDueDate())).isEqualTo(LocalDateTime.of(2025, 4, 10, 18, 0));

        // a day before it is due its owner is reminded; done, it ends
        setClock(LocalDateTime.of(2025, 4, 9, 18, 0));
        driver.runDueJobs("action-");
        assertThat(quote).hasPassed("Service_RemindActionOwner");
        Assertions.assertThat(mails(TestOrganization.REP, "revised quote")).hasSize(1);
        driver.completeAs(TestOrganization.REP, driver.task(quote, TASK_DO_ACTION_ITEM), Map.of(F_ACTION_OUTCOME, "Sent on Wednesday"));
        assertThat(quote).hasPassed("Service_RecordActionDone").isEnded();
        Assertions.assertThat(meetings.action(items.get(0).id()).status()).isEqualTo(ActionItem.DONE);
        Assertions.assertThat(meetings.action(items.get(0).id()).outcome()).isEqualTo("Sent on Wednesday");

        // the other one is overdue a day after its due date: the owner's manager is told, the task stays open
        setClock(LocalDateTime.of(2025, 4, 19, 18, 0));
        driver.runDueJobs("action-");
        assertThat(visit).hasPassed("Service_RemindActionOwner", "Service_EscalateActionItem").isActive();
        Assertions.assertThat(mails(TestOrganization.LEADER, "executive visit")).hasSize(1);

        // the series' next 1:1 lists it as open, overdue; the one done is gone
        startWeek(LocalDateTime.of(2025, 4, 21, 8, 0));
        Meeting next = meeting("one-on-one-2025-W17-t.mgr1-t.rep1");
        Agenda agenda = agendas.of(next);
        Assertions.assertThat(agenda.openActions()).extracting(Agenda.OpenAction::what).containsExactly("Book the executive visit");
        Assertions.assertThat(agenda.openActions().get(0).overdue()).isTrue();
        Assertions.assertThat(agenda.sections()).containsExactly(MeetingKind.AgendaSection.RESULTS,
                MeetingKind.AgendaSection.PIPELINE_HEALTH, MeetingKind.AgendaSection.KEY_DEALS, MeetingKind.AgendaSection.OPEN_ACTIONS);
        Assertions.assertThat(agendas.of(meeting("one-on-one-2025-W17-t.mgr1-t.rep2")).openActions()).as("another series").isEmpty();

        driver.completeAs(TestOrganization.MANAGER, driver.task(visit, TASK_DO_ACTION_ITEM), Map.of());
        Assertions.assertThat(agendas.of(next).openActions()).isEmpty();
    }

    @Test
    void a_meeting_not_held_is_reminded_then_recorded_not_held_and_escalated_and_held_later_counts_late() {
        LocalDateTime monday = LocalDateTime.of(2025, 5, 5, 8, 0);
        startWeek(monday);
        Meeting meeting = meeting("one-on-one-2025-W19-t.mgr1-t.rep1");
        ProcessInstance hold = driver.instance(HOLD_KEY, meeting.uid());

        setClock(monday.plusHours(6).plusMinutes(30));
        driver.runDueJobs(meeting.uid());
        assertThat(hold).hasPassed("Service_RemindMeetingOwner").isWaitingAt(TASK_HOLD_MEETING);
        Assertions.assertThat(mails(TestOrganization.MANAGER, "一对一会议 Meng Manager – Ren Rep（2025-W19）").stream().filter(m -> m.kind() == com.salescadence.notification.NotificationKind.REPORT_REMINDER).toList()).hasSize(1);

        setClock(monday.plusDays(1).plusHours(2).plusMinutes(30));
        driver.runDueJobs(meeting.uid());
        assertThat(hold).hasPassed("Service_RecordMeetingNotHeld").isWaitingAt(TASK_HOLD_MEETING);
        Assertions.assertThat(meetings.get(meeting.id()).status()).isEqualTo(MeetingStatus.NOT_HELD);
        Assertions.assertThat(mails(TestOrganization.LEADER, "会议未召开：一对一会议 Meng Manager – Ren Rep（2025-W19）")).as("the owner's manager").hasSize(1);

        driver.completeAs(TestOrganization.MANAGER, holdTask(meeting.uid()), Map.of());
        Assertions.assertThat(meetings.get(meeting.id()).status()).isEqualTo(MeetingStatus.LATE);

        // another one lapses six days after: the task closes, the meeting stays not held
        Meeting other = meeting("one-on-one-2025-W19-t.mgr1-t.rep2");
        setClock(monday.plusDays(6).plusHours(3));
        driver.runDueJobs(other.uid());
        driver.assertEnded(HOLD_KEY, other.uid());
        Assertions.assertThat(meetings.get(other.id()).status()).isEqualTo(MeetingStatus.NOT_HELD);

        MeetingCompliance compliance = meetings.compliance(TestOrganization.LEADER, monday.toLocalDate(), monday.toLocalDate().plusDays(7));
        Assertions.assertThat(compliance.byKind().get(MeetingKind.ONE_ON_ONE).late()).isEqualTo(1);
        Assertions.assertThat(compliance.byKind().get(MeetingKind.ONE_ON_ONE).notHeld()).isEqualTo(1);
    }

    @Test
    void a_moved_meeting_keeps_its_uid_with_the_next_sequence_and_a_leavers_one_on_one_is_cancelled() {
        LocalDateTime monday = LocalDateTime.of(2025, 6, 2, 8, 0);
        startWeek(monday);
        Meeting meeting = meeting("one-on-one-2025-W23-t.mgr1-t.rep1");
        published.clear();
        String link = "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + holdTask(meeting.uid()).getId();
        holdMeetings.moved(meetings.reschedule(meeting.id(), monday.plusDays(1).plusHours(3), link));
        MeetingScheduled moved = (MeetingScheduled) published.get(0);
        Assertions.assertThat(moved.link()).isEqualTo(link);
        // Tuesday 11:00-11:30: the reminder at 15:30, the task due then
        org.camunda.bpm.engine.runtime.Job reminder = engine.getManagementService().createJobQuery()
                .processInstanceId(meeting.processInstanceId()).activityId(TIMER_MEETING_REMINDER).singleResult();
        Assertions.assertThat(ProcessDriver.toLocal(reminder.getDuedate())).isEqualTo(monday.plusDays(1).plusHours(7).plusMinutes(30));
        Assertions.assertThat(ProcessDriver.toLocal(holdTask(meeting.uid()).getDueDate())).isEqualTo(monday.plusDays(1).plusHours(7).plusMinutes(30));
        Assertions.assertThat(moved.uid()).isEqualTo(meeting.uid());
        Assertions.assertThat(moved.sequence()).isEqualTo(1);

        // the rep leaves: their 1:1 ends with their other report processes, and the calendars drop it
        published.clear();
        Meeting rep2 = meeting("one-on-one-2025-W23-t.mgr1-t.rep2");
        engine.getRuntimeService().deleteProcessInstance(driver.instance(HOLD_KEY, rep2.uid()).getId(), "Left");
        Assertions.assertThat(meetings.get(rep2.id()).status()).isEqualTo(MeetingStatus.CANCELLED);
        Assertions.assertThat(published).singleElement().isInstanceOfSatisfying(MeetingCancelled.class, c -> {
            Assertions.assertThat(c.uid()).isEqualTo(rep2.uid());
            Assertions.assertThat(c.sequence()).isEqualTo(1);
            Assertions.assertThat(c.attendeeIds()).containsExactly(TestOrganization.TEAMMATE);
        });
    }

    /**
     * January 2035 (the fiscal year starts in January, the QBR is in the quarter's third week): the first week sets the
     * yearly kick-off, the second none (the reps prepare their quarterly reviews of 2034-Q4 then), the third the QBR,
     * whose agenda lists the rep's review as they submitted it; the QBR is held. 2035 is later than any other test's
     * quarterly review, so this one is the latest the agenda reads.
     */
    @Test
    void january_sets_the_kickoff_in_its_first_week_and_the_qbr_in_its_third_with_the_reps_quarterly_review_and_it_is_held() {
        LocalDateTime firstMonday = LocalDateTime.of(2035, 1, 1, 8, 0);
        startWeek(firstMonday);
        Meeting kickoff = meeting("kickoff-2035-W01-t.leader");
        Assertions.assertThat(kickoff.kind()).isEqualTo(MeetingKind.KICKOFF);
        Assertions.assertThat(kickoff.startsAt()).isEqualTo(LocalDateTime.of(2035, 1, 3, 9, 0));
        Assertions.assertThat(kickoff.lengthMinutes()).as("two days").isEqualTo(2 * 24 * 60);
        Assertions.assertThat(meetings.attendees(kickoff.id())).contains(TestOrganization.MANAGER, TestOrganization.OTHER_MANAGER,
                TestOrganization.REP, TestOrganization.TEAMMATE, TestOrganization.OTHER_REP);
        Assertions.assertThat(meetings.ofWeek("2035-W01")).extracting(Meeting::kind).doesNotContain(MeetingKind.QBR);
        Assertions.assertThat(holdTask(kickoff.uid()).getAssignee()).isEqualTo(TestOrganization.LEADER);

        // week 2: the quarterly review of 2034-Q4 opens; the rep submits theirs; no QBR, no kick-off this week
        LocalDateTime secondMonday = firstMonday.plusWeeks(1);
        startWeek(secondMonday);
        Assertions.assertThat(meetings.ofWeek("2035-W02")).extracting(Meeting::kind).doesNotContain(MeetingKind.QBR, MeetingKind.KICKOFF);
        setClock(secondMonday.plusHours(1));
        engine.getRuntimeService().startProcessInstanceByKey(com.salescadence.workflow.QuarterlyReviewProcess.KEY,
                Map.of(com.salescadence.workflow.QuarterlyReviewProcess.CYCLE_START, date(secondMonday.plusHours(1))));
        driver.runDueJobs("2034-Q4");
        Task prepare = driver.task(driver.instance(com.salescadence.workflow.QuarterlyReviewProcess.PREPARATION_KEY,
                "2034-Q4:" + TestOrganization.REP), com.salescadence.workflow.QuarterlyReviewProcess.TASK_PREPARE_QUARTERLY_REVIEW);
        setClock(secondMonday.plusHours(2));
        driver.completeAs(TestOrganization.REP, prepare, Map.of(
                com.salescadence.workflow.QuarterlyReviewProcess.F_NEXT_QUARTER_PLAN,
                org.camunda.bpm.engine.variable.Variables.stringValue("Win the grid operator's framework deal", true),
                com.salescadence.workflow.QuarterlyReviewProcess.F_PROPOSED_TARGET,
                org.camunda.bpm.engine.variable.Variables.stringValue("150000", true)));

        // week 3: the QBR of the top leader with everyone, Wednesday 09:00 for 8 hours
        LocalDateTime thirdMonday = firstMonday.plusWeeks(2);
        published.clear();
        startWeek(thirdMonday);
        Meeting qbr = meeting("qbr-2035-W03-t.leader");
        Assertions.assertThat(qbr.startsAt()).isEqualTo(LocalDateTime.of(2035, 1, 17, 9, 0));
        Assertions.assertThat(qbr.lengthMinutes()).isEqualTo(8 * 60);
        Assertions.assertThat(meetings.attendees(qbr.id())).contains(TestOrganization.MANAGER, TestOrganization.REP);
        Assertions.assertThat(meetings.ofWeek("2035-W03")).extracting(Meeting::kind).doesNotContain(MeetingKind.KICKOFF);
        Task qbrTask = holdTask(qbr.uid());
        Assertions.assertThat(published).filteredOn(e -> e instanceof MeetingScheduled m && m.uid().equals(qbr.uid())).singleElement()
                .isInstanceOfSatisfying(MeetingScheduled.class, m -> {
                    Assertions.assertThat(m.titleZh()).contains("季度业务评审会");
                    Assertions.assertThat(m.link()).endsWith("?task=" + qbrTask.getId());
                });

        Agenda agenda = agendas.of(qbr);
        Assertions.assertThat(agenda.sections()).contains(MeetingKind.AgendaSection.QUARTERLY_REVIEWS);
        Assertions.assertThat(agenda.quarterlyReviews()).filteredOn(r -> r.personId().equals(TestOrganization.REP)).singleElement()
                .satisfies(r -> {
                    Assertions.assertThat(r.quarter()).isEqualTo("2034-Q4");
                    Assertions.assertThat(r.nextQuarterPlan()).isEqualTo("Win the grid operator's framework deal");
                    Assertions.assertThat(r.proposedTarget()).isEqualByComparingTo("150000");
                });
        Assertions.assertThat(agenda.quarterlyReviews()).extracting(Agenda.Review::personId).doesNotContain(TestOrganization.TEAMMATE);

        // held on the Wednesday evening, before its due time (4 hours after its end): on time
        setClock(LocalDateTime.of(2035, 1, 17, 18, 0));
        driver.completeAs(TestOrganization.LEADER, qbrTask, Map.of());
        driver.assertEnded(HOLD_KEY, qbr.uid());
        Assertions.assertThat(meetings.get(qbr.id()).status()).isEqualTo(MeetingStatus.HELD);
        Assertions.assertThat(meetings.get(kickoff.id()).status()).isEqualTo(MeetingStatus.SCHEDULED);
    }

    private ProcessInstance startWeek(LocalDateTime monday) {
        setClock(monday);
        ProcessInstance rhythm = engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(CYCLE_START, date(monday)));
        driver.runDueJobs("meetings:");
        return rhythm;
    }

    private Meeting meeting(String uid) {
        return meetings.ofWeek(uid.replaceAll(".*-(\\d{4}-W\\d{2})-.*", "$1")).stream().filter(m -> m.uid().equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("no meeting " + uid));
    }

    private Task holdTask(String uid) {
        return driver.task(driver.instance(HOLD_KEY, uid), TASK_HOLD_MEETING);
    }

    private List<OutboxMessage> mails(String to, String containing) {
        return notifications.forRecipient(to, 100).stream().filter(m -> (m.subject() + m.body()).contains(containing)).toList();
    }
}

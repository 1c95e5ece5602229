package com.salescadence.meeting.process;

import static com.salescadence.workflow.MeetingProcess.*;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.salescadence.meeting.ActionItem;
import com.salescadence.meeting.MeetingKind;
import com.salescadence.meeting.MeetingService;
import com.salescadence.workflow.naming.SubjectSource;
import com.salescadence.workflow.naming.SubjectTexts;
import com.salescadence.workflow.naming.TaskSubject;

/**
 * What a meeting's tasks are about, for their names (workflow.naming.TaskNameRules): the meeting's kind in both
 * languages, the rep of a 1:1, the owner's team, the week; for an action item also what it is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MeetingTaskSubjects implements SubjectSource {

    private final MeetingService meetings;

    MeetingTaskSubjects(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public boolean covers(String taskKey) {
        return TASK_HOLD_MEETING.equals(taskKey) || TASK_DO_ACTION_ITEM.equals(taskKey);
    }

    @Override
    public TaskSubject of(String taskKey, VariableScope variables) {
        MeetingKind kind = MeetingKind.valueOf((String) variables.getVariable(MEETING_KIND));
        TaskSubject subject = TaskSubject.none().withStage(new TaskSubject.Text(kind.en(), kind.zh()))
                .withPeriod(SubjectTexts.period((String) variables.getVariable(CYCLE_KEY)));
        if (TASK_DO_ACTION_ITEM.equals(taskKey)) {
            ActionItem item = meetings.action(MeetingDelegates.id(variables.getVariable(ACTION_ID)));
            return subject.withAbout(item.what());
        }
        Object rep = variables.getVariable(REP_ID);
        return subject.withPerson(rep == null ? null : meetings.name(rep.toString()))
                .withTeam(kind == MeetingKind.ONE_ON_ONE ? null : meetings.name((String) variables.getVariable(OWNER_ID)));
    }
}

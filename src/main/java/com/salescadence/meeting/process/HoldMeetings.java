package com.salescadence.meeting.process;

import static com.salescadence.workflow.MeetingProcess.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import com.salescadence.meeting.Meeting;
import com.salescadence.meeting.MeetingStatus;

/** Starts the hold-meeting process of a meeting set (business key: its uid), once: the task of its owner. */
@Component
public class HoldMeetings {

    private final RuntimeService runtime;

    HoldMeetings(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** False when the meeting has its process already or is no longer to be held. */
    public boolean start(Meeting meeting) {
        if (meeting.processInstanceId() != null || meeting.status() != MeetingStatus.SCHEDULED) {
            return false;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(MEETING_ID, meeting.id());
        variables.put(MEETING_KIND, meeting.kind().name());
        variables.put(CYCLE_KEY, meeting.weekKey());
        variables.put(OWNER_ID, meeting.ownerId());
        variables.put(MANAGER_ID, meeting.ownerId());
        if (meeting.subjectId() != null) {
            variables.put(REP_ID, meeting.subjectId());
        }
        variables.put(MEETING_START, date(meeting.startsAt()));
        variables.put(MEETING_END, date(meeting.startsAt().plusMinutes(meeting.lengthMinutes())));
        // the hold task's create listener attaches the process and the due time
        runtime.startProcessInstanceByKey(HOLD_KEY, meeting.uid(), variables);
        return true;
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}

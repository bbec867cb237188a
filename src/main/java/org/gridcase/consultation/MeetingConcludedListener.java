package org.gridcase.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** EndEvent_MeetingConcluded: every commitment accepted; the meeting's record says when. */
@Component("meetingConcludedListener")
class MeetingConcludedListener implements ExecutionListener {

    private final Meetings meetings;

    MeetingConcludedListener(Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        meetings.findByProcessInstanceId(execution.getProcessInstanceId()).ifPresent(meeting -> {
            meeting.conclude(ClockUtil.getCurrentTime().toInstant());
            meetings.save(meeting);
        });
    }
}

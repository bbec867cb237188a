package org.gridcase.consultation;

import static org.gridcase.consultation.ConsultationVariables.*;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Task_FulfilCommitment and Task_CheckCommitment, on completion: the party says what it did; the convening unit
 * accepts it or sends it back with the reason. Both are written to the commitment's record.
 */
@Component("commitmentTaskListener")
class CommitmentTaskListener implements TaskListener {

    private final Meetings meetings;

    CommitmentTaskListener(Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public void notify(DelegateTask task) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Meeting meeting = meetings.findByProcessInstanceId(task.getProcessInstanceId())
                .orElseThrow(() -> new IllegalStateException("no meeting for " + task.getProcessInstanceId()));
        Commitment commitment = meeting.commitment(((Number) task.getVariable(COMMITMENT_SEQ)).intValue());
        if ("Task_FulfilCommitment".equals(task.getTaskDefinitionKey())) {
            String note = FormValues.limited(FormValues.required(task.getVariable(FULFILMENT_NOTE), FULFILMENT_NOTE,
                    "落实情况"), 2000, FULFILMENT_NOTE, "落实情况");
            commitment.submit(note, now);
        } else {
            Object accepted = task.getVariable(COMMITMENT_ACCEPTED);
            if (!(accepted instanceof Boolean)) {
                throw new InvalidRequestException(COMMITMENT_ACCEPTED, "请选择是否认可已落实");
            }
            String note = FormValues.limited(FormValues.text(task.getVariable(CHECK_NOTE)), 2000, CHECK_NOTE,
                    "核验意见");
            if (!(Boolean) accepted && note.isEmpty()) {
                throw new InvalidRequestException(CHECK_NOTE, "退回时请写明原因");
            }
            commitment.check((Boolean) accepted, note.isEmpty() ? null : note, now);
        }
        meetings.save(meeting);
    }
}

package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * SubProcess_Commitment (ConsultationMeeting.bpmn), as each commitment's instance starts: the date of its warning,
 * a local variable of the instance, counted by the ladder's share (EscalationLadder.dmn, stage COMMITMENT) from
 * now to the deadline the meeting agreed. The deadline itself is the overdue timer's date: a meeting sets a date,
 * not a limit, so the rung is counted on the clock. Runs after the consultation module's listener that sets
 * {@code commitmentDue}.
 */
@Component("commitmentLadderListener")
class CommitmentLadderListener implements ExecutionListener {

    private final EscalationLadder ladder;

    CommitmentLadderListener(EscalationLadder ladder) {
        this.ladder = ladder;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Date start = Date.from(CaseFile.now());
        Date due = (Date) execution.getVariable(COMMITMENT_DUE);
        EscalationLadder.Schedule schedule = ladder.schedule(
                ladder.rules(LadderStage.COMMITMENT, execution::getVariable), start.toInstant(),
                (due.after(start) ? due : start).toInstant(), false);
        execution.setVariableLocal(COMMITMENT_START, start);
        execution.setVariableLocal(COMMITMENT_WARN_AT, schedule.warnAt());
    }
}

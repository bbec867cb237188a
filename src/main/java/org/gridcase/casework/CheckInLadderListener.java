package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * SubProcess_CheckIn, as each department's instance starts: the dates of its warning and red card, as local
 * variables of the instance (each department has its own ladder). It runs before Task_CheckIn starts, whose
 * boundary timers read them; the start stays so that the dates can be counted again (CaseDeadlines).
 */
@Component("checkInLadderListener")
class CheckInLadderListener implements ExecutionListener {

    private final EscalationLadder ladder;

    CheckInLadderListener(EscalationLadder ladder) {
        this.ladder = ladder;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Date start = Date.from(CaseFile.now());
        EscalationLadder.Schedule schedule = ladder.schedule(LadderStage.CHECK_IN, execution::getVariable, start,
                (String) execution.getVariable(CHECK_IN_LIMIT));
        execution.setVariableLocal(CHECK_IN_START, start);
        execution.setVariableLocal(CHECK_IN_WARN_AT, schedule.warnAt());
        execution.setVariableLocal(CHECK_IN_RED_CARD_AT, schedule.redCardAt());
    }
}

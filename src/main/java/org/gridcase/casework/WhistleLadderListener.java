package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * SequenceFlow_WhistleMergeToBlowWhistle, when taken: the street's limit to whistle (EscalationLadder.dmn) and
 * the date of its warning, set before Task_BlowWhistle starts, whose due date and boundary timers read them.
 * Set each time the case comes to the whistle (again after a department returned it).
 */
@Component("whistleLadderListener")
class WhistleLadderListener implements ExecutionListener {

    private final EscalationLadder ladder;

    WhistleLadderListener(EscalationLadder ladder) {
        this.ladder = ladder;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String limit = ladder.limit(LadderStage.WHISTLE, execution::getVariable);
        EscalationLadder.Schedule schedule = ladder.schedule(LadderStage.WHISTLE, execution::getVariable,
                Date.from(CaseFile.now()), limit);
        execution.setVariable(WHISTLE_LIMIT, limit);
        execution.setVariable(WHISTLE_WARN_AT, schedule.warnAt());
    }
}

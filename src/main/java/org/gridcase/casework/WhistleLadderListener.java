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
    private final CaseFile cases;

    WhistleLadderListener(EscalationLadder ladder, CaseFile cases) {
        this.ladder = ladder;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        EscalationLadder.Limited stage = ladder.limited(LadderStage.WHISTLE, execution::getVariable,
                Date.from(CaseFile.now()));
        execution.setVariable(WHISTLE_LIMIT, stage.limit());
        execution.setVariable(WHISTLE_WARN_AT, stage.schedule().warnAt());
        cases.of(execution.getProcessBusinessKey()).awaitDispatch(stage.due());
    }
}

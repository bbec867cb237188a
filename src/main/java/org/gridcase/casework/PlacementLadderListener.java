package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * SequenceFlow_LocationUnplaceableToPlaceReportByHand, when taken: the dispatchers' limit to place a report
 * by hand (EscalationLadder.dmn) and the date of its warning, set before Task_PlaceReportByHand starts, whose due
 * date and boundary timers read them.
 */
@Component("placementLadderListener")
class PlacementLadderListener implements ExecutionListener {

    private final EscalationLadder ladder;
    private final CaseFile cases;

    PlacementLadderListener(EscalationLadder ladder, CaseFile cases) {
        this.ladder = ladder;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        EscalationLadder.Limited stage = ladder.limited(LadderStage.PLACEMENT, execution::getVariable,
                Date.from(CaseFile.now()));
        execution.setVariable(PLACEMENT_LIMIT, stage.limit());
        execution.setVariable(PLACEMENT_WARN_AT, stage.schedule().warnAt());
        cases.of(execution.getProcessBusinessKey()).awaitDispatch(stage.due());
    }
}

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

    PlacementLadderListener(EscalationLadder ladder) {
        this.ladder = ladder;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String limit = ladder.limit(LadderStage.PLACEMENT, execution::getVariable);
        EscalationLadder.Schedule schedule = ladder.schedule(LadderStage.PLACEMENT, execution::getVariable,
                Date.from(CaseFile.now()), limit);
        execution.setVariable(PLACEMENT_LIMIT, limit);
        execution.setVariable(PLACEMENT_WARN_AT, schedule.warnAt());
    }
}

package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * SequenceFlow_TrackOnTheSpot, when taken: the date of the grid's warning, before Task_HandleOnTheSpot starts
 * (its boundary timer reads it), and the limit's on the record, which the workbench's lists sort and flag by. At the
 * limit itself the case goes to the street; there is no red card for the grid, whose task ends there.
 */
@Component("onTheSpotLadderListener")
class OnTheSpotLadderListener implements ExecutionListener {

    private final EscalationLadder ladder;
    private final CaseFile cases;

    OnTheSpotLadderListener(EscalationLadder ladder, CaseFile cases) {
        this.ladder = ladder;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Date start = Date.from(CaseFile.now());
        String limit = (String) execution.getVariable(RESPONSE_LIMIT);
        EscalationLadder.Schedule schedule = ladder.schedule(LadderStage.ON_THE_SPOT, execution::getVariable, start,
                limit);
        execution.setVariable(ON_THE_SPOT_START, start);
        execution.setVariable(ON_THE_SPOT_WARN_AT, schedule.warnAt());
        cases.of(execution.getProcessBusinessKey()).awaitDispatch(ladder.due(start, limit));
    }
}

package org.gridcase.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** SequenceFlow_OnTheSpotLimitPassed, when taken: the grid let the limit pass; the street takes the case. */
@Component("onTheSpotEscalationListener")
class OnTheSpotEscalationListener implements ExecutionListener {

    private final LadderSteps steps;

    OnTheSpotEscalationListener(LadderSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateExecution execution) {
        steps.escalate(execution, execution.getProcessBusinessKey(), LadderStage.ON_THE_SPOT);
    }
}

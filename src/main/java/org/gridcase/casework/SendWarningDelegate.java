package org.gridcase.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_WarnOnTheSpot, Task_WarnCheckIn, Task_WarnHandling: 预警 to the holder; the stage is an input mapping. */
@Component("sendWarningDelegate")
class SendWarningDelegate implements JavaDelegate {

    private final LadderSteps steps;

    SendWarningDelegate(LadderSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.warn(execution, LadderStage.valueOf((String) execution.getVariable(GridReportVariables.LADDER_STAGE)));
    }
}

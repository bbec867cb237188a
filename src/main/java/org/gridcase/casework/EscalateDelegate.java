package org.gridcase.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_EscalateWhistle, Task_EscalatePlacement: the limit passed while the task stays open; the case is escalated
 * to the ladder's next level (升级) and that group told. The stage is an input mapping.
 */
@Component("escalateDelegate")
class EscalateDelegate implements JavaDelegate {

    private final LadderSteps steps;

    EscalateDelegate(LadderSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.escalate(execution, execution.getProcessBusinessKey(),
                LadderStage.valueOf((String) execution.getVariable(GridReportVariables.LADDER_STAGE)));
    }
}

package org.gridcase.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_IssueCheckInRedCard, Task_IssueHandlingRedCard: a red card for the department, the leadership told. */
@Component("issueRedCardDelegate")
class IssueRedCardDelegate implements JavaDelegate {

    private final LadderSteps steps;

    IssueRedCardDelegate(LadderSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.issueRedCard(execution,
                LadderStage.valueOf((String) execution.getVariable(GridReportVariables.LADDER_STAGE)));
    }
}

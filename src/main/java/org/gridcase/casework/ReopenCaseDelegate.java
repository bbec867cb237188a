package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReopenCase (重办): counts the reopening; the gateway before it allows two. */
@Component("reopenCaseDelegate")
class ReopenCaseDelegate implements JavaDelegate {

    private final CaseFile cases;

    ReopenCaseDelegate(CaseFile cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int reopenCount = ((Number) execution.getVariable(REOPEN_COUNT)).intValue() + 1;
        execution.setVariable(REOPEN_COUNT, reopenCount);
        cases.of(execution.getProcessBusinessKey()).reopened(reopenCount);
    }
}

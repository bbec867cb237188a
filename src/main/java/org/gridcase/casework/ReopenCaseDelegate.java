package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReopenCase (重办): counts the reopening (the gateway before it allows two) and tells the reporter. */
@Component("reopenCaseDelegate")
class ReopenCaseDelegate implements JavaDelegate {

    private final CaseFile cases;
    private final ReporterMessages reporterMessages;

    ReopenCaseDelegate(CaseFile cases, ReporterMessages reporterMessages) {
        this.cases = cases;
        this.reporterMessages = reporterMessages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int reopenCount = ((Number) execution.getVariable(REOPEN_COUNT)).intValue() + 1;
        execution.setVariable(REOPEN_COUNT, reopenCount);
        String caseNumber = execution.getProcessBusinessKey();
        cases.of(caseNumber).reopened(reopenCount);
        reporterMessages.reopened(caseNumber, cases.header(caseNumber), reopenCount);
    }
}

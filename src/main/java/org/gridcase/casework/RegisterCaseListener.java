package org.gridcase.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * StartEvent_ReportReceived: a case opened through the API arrives with its number; one started from the
 * Tasklist's start form is registered here, before the start event's async boundary commits it.
 */
@Component("registerCaseListener")
class RegisterCaseListener implements ExecutionListener {

    private final CaseRegistration registration;

    RegisterCaseListener(CaseRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(GridReportVariables.CASE_NUMBER) == null) {
            registration.openFromStartForm(execution);
        }
    }
}

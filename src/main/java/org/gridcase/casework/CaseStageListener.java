package org.gridcase.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Enters the case into the stage a BPMN element stands for and copies the process's facts to the record.
 * Attached by {@link CaseStatusParseListener} to every element whose {@code caseStatus} property names a stage.
 */
class CaseStageListener implements ExecutionListener {

    private final CaseStatus status;
    private final CaseFile cases;

    CaseStageListener(CaseStatus status, CaseFile cases) {
        this.status = status;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CaseRecord record = cases.of(execution.getProcessBusinessKey());
        record.follow(CaseFile.factsOf(execution));
        record.enterStage(status, CaseFile.now());
    }
}

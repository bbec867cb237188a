package org.gridcase.casework;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Task_SuperviseOverdueCase and Task_SuperviseCaseByHand, when created: the case is under supervision (督办) once
 * more. Counted on the record so that 督办率 reads the record, not the engine's history.
 */
class SupervisionTaskListener implements TaskListener {

    /** The process's supervision tasks (workbench's Supervision names the same two). */
    static final Set<String> SUPERVISION_TASKS = Set.of("Task_SuperviseOverdueCase", "Task_SuperviseCaseByHand");

    private final CaseFile cases;

    SupervisionTaskListener(CaseFile cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseNumber = task.getExecution().getProcessBusinessKey();
        if (caseNumber != null) {
            cases.of(caseNumber).supervised();
        }
    }
}

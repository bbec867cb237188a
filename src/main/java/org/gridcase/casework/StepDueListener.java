package org.gridcase.casework;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Task_ReturnVisit and a mediation's Task_RecordSession, when created and completed: the step's due date on the
 * record while it is open. Their limits are neither a check-in's nor the handling's, which the record holds already,
 * so without it the workbench's list showed the task's due date but sorted the case by a handling deadline long
 * past, and its 已超时 view, the boards and the map never counted a late return visit or session. The task's own due
 * date, not the limit counted again: the list shows the task's.
 */
class StepDueListener implements TaskListener {

    /** The user tasks whose due date is a limit of their own (GridReportProcess, MediationProcess). */
    static final Set<String> TASKS = Set.of("Task_ReturnVisit", "Task_RecordSession");

    private final CaseFile cases;

    StepDueListener(CaseFile cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseNumber = task.getExecution().getProcessBusinessKey();
        if (caseNumber == null) {
            return; // a process started without a case (only tests do)
        }
        boolean open = EVENTNAME_CREATE.equals(task.getEventName()) && task.getDueDate() != null;
        cases.of(caseNumber).awaitStep(open ? task.getDueDate().toInstant() : null);
    }
}

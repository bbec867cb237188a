package org.gridcase.casework;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Names each task for the Tasklist's list as "<step> · <case number> · <category>", e.g.
 * {@code 部门报到 · TM-20251009-0042 · 道路交通/占道停车}, so staff see which case a task is without opening it.
 * The step's own name stays in the BPMN, where designers edit it.
 */
class TaskTitleListener implements TaskListener {

    static final String SEPARATOR = " · ";

    private final String step;

    TaskTitleListener(String step) {
        this.step = step;
    }

    @Override
    public void notify(DelegateTask task) {
        Object caseNumber = task.getVariable(GridReportVariables.CASE_NUMBER);
        Object category = task.getVariable(GridReportVariables.CATEGORY_NAME);
        if (caseNumber != null) {
            task.setName(step + SEPARATOR + caseNumber + (category == null ? "" : SEPARATOR + category));
        }
    }
}

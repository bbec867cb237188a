package org.gridcase.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Makes each task recognisable in the Tasklist's list. Its title becomes "<step> · <case number> · <category>",
 * e.g. {@code 部门报到 · TM-20251009-0042 · 道路交通/占道停车}; the step's own name stays in the BPMN, where designers
 * edit it. The case's columns of the Tasklist filters are copied onto the task: staff may read their tasks but
 * not the whole case's variables, and the Tasklist shows only the columns they may read.
 */
class TaskTitleListener implements TaskListener {

    static final String SEPARATOR = " · ";

    /** The filters' columns (TasklistFilters); keep the two lists alike. */
    static final List<String> LIST_COLUMNS = List.of(GridReportVariables.CASE_NUMBER,
            GridReportVariables.CATEGORY_NAME, GridReportVariables.ADDRESS, GridReportVariables.URGENCY_LABEL);

    private final String step;
    private final CaseFile cases;

    TaskTitleListener(String step, CaseFile cases) {
        this.step = step;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseNumber = task.getExecution().getProcessBusinessKey();
        if (caseNumber == null) {
            return; // a process started without a case (only tests do)
        }
        CaseHeader header = cases.header(caseNumber);
        task.setName(step + SEPARATOR + caseNumber + SEPARATOR + header.categoryName());
        Map<String, Object> columns = new LinkedHashMap<>(header.formVariables());
        columns.put(GridReportVariables.CASE_NUMBER, caseNumber);
        for (String column : LIST_COLUMNS) {
            if (columns.get(column) != null) {
                task.setVariableLocal(column, columns.get(column));
            }
        }
    }
}

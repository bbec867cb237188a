package org.gridcase.casework;

import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * Camunda's full history, which the audit replays, without the history of variables that only copy what is kept
 * elsewhere: the Tasklist's list columns copied onto each task ({@link TaskTitleListener}: the record has them) and
 * triage's whole decision result before it is mapped into the case's variables (the decision's own history and the
 * mapped variables have it). Each such variable would add an instance row and a detail row per write, with its
 * JSON twice more as byte arrays. Everything else, the case's own variables and every form value a member of staff
 * submitted included, keeps its full history.
 *
 * <p>It stands in for {@code full} under its own name, with full's number: databases written at {@code full} go on
 * as they are, and Camunda's checks that compare levels by number see full.
 */
class CaseHistoryLevel extends HistoryLevelFull {

    static final String NAME = "gridcase-full";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return !(entity instanceof VariableInstanceEntity variable && isCopy(variable));
    }

    private static boolean isCopy(VariableInstanceEntity variable) {
        if (variable.getTaskId() != null) {
            return TaskTitleListener.LIST_COLUMNS.contains(variable.getName());
        }
        return GridReportVariables.TRIAGE.equals(variable.getName())
                && !variable.getExecutionId().equals(variable.getProcessInstanceId());
    }
}

package org.gridcase.casework;

import java.util.Set;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * Camunda's full history, which the audit replays, without what neither the audit nor an operator reads:
 * <ul>
 * <li>the history of variables that only copy what is kept elsewhere: the Tasklist's list columns copied onto each
 * task ({@link TaskTitleListener}: the record has them) and triage's whole decision result before it is mapped into
 * the case's variables (the decision's own history and the mapped variables have it), and the engine's counters of
 * the check-ins' multi-instance (the activity instances show each check-in). Each would add an instance row and a
 * detail row per write, with its JSON twice more as byte arrays;
 * <li>the job log of an async continuation that was made, ran and ended as planned (two rows per step). Its
 * failures are logged, and so is everything of every timer: the audit replays the timers (set, fired, cancelled);
 * <li>decisions evaluated outside any process (notification/DmnNotificationRouting's table, once per message):
 * a lookup of the district's settings, not a step of a case. Their history (an instance with its inputs and
 * outputs, and an "Evaluate" entry in the user operation log) belongs to no case, so the audit never reads it and
 * a case's archive cannot take it away. Decisions evaluated within a case's process (triage, the escalation
 * ladder) keep theirs.
 * </ul>
 * Everything else, the case's own variables and every form value a member of staff submitted included, keeps its
 * full history.
 *
 * <p>It stands in for {@code full} under its own name, with full's number: databases written at {@code full} go on
 * as they are, and Camunda's checks that compare levels by number see full.
 */
class CaseHistoryLevel extends HistoryLevelFull {

    static final String NAME = "gridcase-full";

    private static final Set<String> MULTI_INSTANCE_COUNTERS = Set.of("nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances", "loopCounter");

    private static final Set<HistoryEventType> ROUTINE_CONTINUATION_EVENTS = Set.of(HistoryEventTypes.JOB_CREATE,
            HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE);

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (entity instanceof VariableInstanceEntity variable) {
            return !isCopy(variable);
        }
        if (entity instanceof MessageEntity) {
            return !ROUTINE_CONTINUATION_EVENTS.contains(eventType);
        }
        if (HistoryEventTypes.DMN_DECISION_EVALUATE.equals(eventType)
                || HistoryEventTypes.USER_OPERATION_LOG.equals(eventType) && evaluatingDecision()) {
            return Context.getCoreExecutionContext() != null;
        }
        return true;
    }

    private static boolean evaluatingDecision() {
        var invocation = Context.getCommandInvocationContext();
        return invocation != null && (invocation.getCommand() instanceof EvaluateDecisionCmd
                || invocation.getCommand() instanceof EvaluateDecisionTableCmd);
    }

    private static boolean isCopy(VariableInstanceEntity variable) {
        if (variable.getTaskId() != null) {
            return TaskTitleListener.LIST_COLUMNS.contains(variable.getName());
        }
        // not every variable belongs to an execution (a CMMN case's does not)
        boolean local = variable.getExecutionId() != null
                && !variable.getExecutionId().equals(variable.getProcessInstanceId());
        return local && (GridReportVariables.TRIAGE.equals(variable.getName())
                || MULTI_INSTANCE_COUNTERS.contains(variable.getName()));
    }
}

package org.gridcase.casework;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;

/**
 * The steps whose deadline is their own, when one is created or completed: the return visit, a mediation session
 * and a consultation meeting's commitments (several at once, each with its own date). The record keeps the earliest
 * due date of those open ({@code step_due}); the limits of check-ins and of the handling it holds already. Without
 * it the workbench's list showed the tasks' due dates but sorted the case by a handling deadline long past, and its
 * 已超时 view, the boards and the map never counted a late return visit, session or commitment. The tasks' own due
 * dates, not the limits counted again: the list shows the tasks'.
 */
class StepDueListener implements TaskListener {

    /** The user tasks whose due date is a limit of their own (GridReportProcess, MediationProcess, ConsultationMeeting). */
    static final Set<String> TASKS = Set.of("Task_ReturnVisit", "Task_RecordSession", "Task_FulfilCommitment");

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
        CaseRecord record = cases.of(caseNumber);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // the tasks made in this transaction are not in the database yet: each adds its own date
            record.awaitStep(earliest(Stream.of(record.stepDue(), instant(task))));
        } else {
            // the others still open, the called processes' included (they share the case number), whoever may see
            // them: a party completing its commitment may not read the other parties'
            List<Task> open = Context.getCommandContext().runWithoutAuthorization(() -> task.getProcessEngineServices()
                    .getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
                    .taskDefinitionKeyIn(TASKS.toArray(String[]::new)).list());
            record.awaitStep(earliest(open.stream().filter(other -> !other.getId().equals(task.getId()))
                    .map(other -> other.getDueDate() == null ? null : other.getDueDate().toInstant())));
        }
    }

    private static Instant instant(DelegateTask task) {
        return task.getDueDate() == null ? null : task.getDueDate().toInstant();
    }

    private static Instant earliest(Stream<Instant> dues) {
        return dues.filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }
}

package org.gridcase.worktime;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Resolves every open deadline again: each timer from its creation time ({@code recalculateJobDuedate}), and
 * each open task's due date from its creation time and its definition's due-date expression, reading the
 * variables and the holiday table as they are now. Deadlines that nothing changed resolve to what they were.
 * Runs after a change of the holiday table committed, and when running cases are moved onto new rules.
 */
@Component
public class OpenDeadlineRecalculation {

    private static final Logger log = LoggerFactory.getLogger(OpenDeadlineRecalculation.class);

    private final ManagementService management;
    private final ProcessEngineConfigurationImpl engine;

    OpenDeadlineRecalculation(ManagementService management, ProcessEngineConfigurationImpl engine) {
        this.management = management;
        this.engine = engine;
    }

    /** After the processes' own deadline variables were recomputed (order 0), in a transaction of its own. */
    @TransactionalEventListener
    @Order(10)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(WorkingCalendarChanged change) {
        Moved moved = recalculate();
        log.info("Holiday arrangement for {} changed: {} timers and {} task due dates moved", change.year(),
                moved.timers(), moved.taskDueDates());
    }

    /** How many deadlines moved. */
    public record Moved(int timers, int taskDueDates) {
    }

    @Transactional
    public Moved recalculate() {
        int timers = 0;
        for (Job job : management.createJobQuery().timers().active().list()) {
            Date before = job.getDuedate();
            management.recalculateJobDuedate(job.getId(), true);
            Date after = management.createJobQuery().jobId(job.getId()).singleResult().getDuedate();
            if (moved(before, after)) {
                timers++;
            }
        }
        int tasks = engine.getCommandExecutorTxRequired().execute(commandContext -> {
            int moved = 0;
            TaskQueryImpl open = new TaskQueryImpl();
            open.active();
            for (Task found : commandContext.getTaskManager().findTasksByQueryCriteria(open)) {
                TaskEntity task = (TaskEntity) found;
                Date due = dueDateOf(task);
                if (due != null && (task.getDueDate() == null || moved(task.getDueDate(), due))) {
                    task.setDueDate(due);
                    moved++;
                }
            }
            return moved;
        });
        return new Moved(timers, tasks);
    }

    /**
     * Resolving again from a creation time lands a few milliseconds away from the first resolution (which read
     * the clock a moment earlier or later); that is no move.
     */
    private static boolean moved(Date before, Date after) {
        return Math.abs(after.getTime() - before.getTime()) >= 1000;
    }

    /** The task's due date as its definition says it now, counted from the task's creation. */
    private Date dueDateOf(TaskEntity task) {
        ExecutionEntity execution = task.getExecution();
        if (execution == null || task.getTaskDefinition() == null) {
            return null;
        }
        Expression expression = task.getTaskDefinition().getDueDateExpression();
        if (expression == null) {
            return null;
        }
        Object value = expression.getValue(execution);
        if (value instanceof Date date) {
            return date;
        }
        if (value instanceof String text && !text.isBlank()) {
            return engine.getBusinessCalendarManager().getBusinessCalendar("dueDate").resolveDuedate(text, task);
        }
        return null;
    }
}

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
 * After the holiday table changed, moves every open deadline that depends on it: each timer is resolved again
 * from its creation time ({@code recalculateJobDuedate}), and each open task's due date from its creation time
 * and its definition's due-date expression. Deadlines in calendar time resolve to what they were; only working
 * time moves. Runs after the change committed, so the engine reads the new table.
 */
@Component
class OpenDeadlines {

    private static final Logger log = LoggerFactory.getLogger(OpenDeadlines.class);

    private final ManagementService management;
    private final ProcessEngineConfigurationImpl engine;

    OpenDeadlines(ManagementService management, ProcessEngineConfigurationImpl engine) {
        this.management = management;
        this.engine = engine;
    }

    /** After the processes' own deadline variables were recomputed (order 0), in a transaction of its own. */
    @TransactionalEventListener
    @Order(10)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(WorkingCalendarChanged change) {
        int timers = 0;
        for (Job job : management.createJobQuery().timers().active().list()) {
            Date before = job.getDuedate();
            management.recalculateJobDuedate(job.getId(), true);
            Date after = management.createJobQuery().jobId(job.getId()).singleResult().getDuedate();
            if (!after.equals(before)) {
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
                if (due != null && !due.equals(task.getDueDate())) {
                    task.setDueDate(due);
                    moved++;
                }
            }
            return moved;
        });
        log.info("Holiday arrangement for {} changed: {} timers and {} task due dates moved", change.year(),
                timers, tasks);
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

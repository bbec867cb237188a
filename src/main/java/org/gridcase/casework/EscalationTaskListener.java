package org.gridcase.casework;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_SuperviseOverdueCase, when created: handling is overdue; the supervision is recorded and announced. */
@Component("escalationTaskListener")
class EscalationTaskListener implements TaskListener {

    private final LadderSteps steps;

    EscalationTaskListener(LadderSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        steps.escalate(task, task.getExecution().getProcessBusinessKey(), LadderStage.HANDLING);
    }
}

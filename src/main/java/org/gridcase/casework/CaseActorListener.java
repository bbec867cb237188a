package org.gridcase.casework;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Records who completed a task as one who acted on its case ({@link CaseActors}): the task's assignee (the
 * Tasklist claims before it completes), else whoever completes it. A task of a called process (a mediation's
 * session) counts for the case that called it: the case is the business key of the root process instance.
 */
class CaseActorListener implements TaskListener {

    private final CaseActors actors;

    CaseActorListener(CaseActors actors) {
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = task.getAssignee();
        if (user == null) {
            Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            user = caller == null ? null : caller.getUserId();
        }
        if (user == null || task.getExecution() == null) {
            return;
        }
        ExecutionEntity root = ((ExecutionEntity) task.getExecution()).getProcessInstance();
        while (root.getSuperExecution() != null) {
            root = root.getSuperExecution().getProcessInstance();
        }
        if (root.getBusinessKey() != null) {
            actors.acted(root.getBusinessKey(), user, CaseFile.now());
        }
    }
}

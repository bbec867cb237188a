package org.gridcase.security;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The grants the engine makes on a task as people come to hold it: its candidate groups and its assignee may work
 * on it ({@code default-user-permission-name-for-task: TASK_WORK}, application.yaml), and the assignee may also give
 * it back or hand it on ({@code TASK_ASSIGN}: the Tasklist's unclaim), to a member of the task's groups only
 * (TaskHandOverRule). Without it whoever claimed a step by mistake kept it from the colleagues who should do it.
 */
class TaskGrants extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        AuthorizationEntity[] grants = super.newTaskAssignee(task, oldAssignee, newAssignee);
        if (grants != null) {
            for (AuthorizationEntity grant : grants) {
                if (grant.getResourceType() == Resources.TASK.resourceType()) {
                    grant.addPermission(TaskPermissions.TASK_ASSIGN);
                }
            }
        }
        return grants;
    }
}

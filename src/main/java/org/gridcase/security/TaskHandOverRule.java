package org.gridcase.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.gridcase.system.InvalidRequestException;

/**
 * A task goes only to someone of the units it was given to. Whoever may assign a task (its assignee, TaskGrants; a
 * member of its groups claiming it for someone) may name any user to Camunda; a department could thus have passed
 * its summons to a member of another department instead of returning it. On every user task of every model, the
 * assignment is refused with a 400 naming 处理人 unless the new assignee is the person acting, a member of one of the
 * task's candidate groups, or the task is given back. Administrators, and the engine's own steps (no one
 * authenticated), may assign to anyone.
 */
class TaskHandOverRule extends AbstractBpmnParseListener implements TaskListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                .addTaskListener(EVENTNAME_ASSIGNMENT, this);
    }

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        Authentication actor = identity.getCurrentAuthentication();
        if (assignee == null || actor == null || assignee.equals(actor.getUserId())
                || Context.getCommandContext().getAuthorizationManager().isCamundaAdmin(actor)) {
            return;
        }
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        boolean member = Context.getCommandContext().runWithoutAuthorization(() -> groups.stream().anyMatch(group ->
                identity.createUserQuery().userId(assignee).memberOfGroup(group).count() > 0));
        if (!member) {
            throw new InvalidRequestException("处理人", assignee + " 不属于承办此任务的单位，只能交给本单位人员或释放后由本单位认领");
        }
    }
}

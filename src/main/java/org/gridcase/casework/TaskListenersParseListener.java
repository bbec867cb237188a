package org.gridcase.casework;

import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every user task its list title ({@link TaskTitleListener}), checks what its form cannot
 * ({@link StepCompletionRules}), keeps its notes ({@link StepNoteListener}), counts supervisions
 * ({@link SupervisionTaskListener}), keeps the due date of a step with a limit of its own on the record
 * ({@link StepDueListener}) and records who completed it ({@link CaseActorListener}).
 */
class TaskListenersParseListener extends AbstractBpmnParseListener {

    private static final StepCompletionRules COMPLETION_RULES = new StepCompletionRules();

    private final CaseFile cases;
    private final CaseActorListener actors;
    private final StepDueListener stepDue;

    TaskListenersParseListener(CaseFile cases, CaseActors actors) {
        this.cases = cases;
        this.actors = new CaseActorListener(actors);
        this.stepDue = new StepDueListener(cases);
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        String step = element.attribute("name", activity.getId());
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, new TaskTitleListener(step, cases));
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, COMPLETION_RULES);
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, actors);
        if (SupervisionTaskListener.SUPERVISION_TASKS.contains(activity.getId())) {
            task.addTaskListener(TaskListener.EVENTNAME_CREATE, new SupervisionTaskListener(cases));
        }
        if (StepDueListener.TASKS.contains(activity.getId())) {
            task.addTaskListener(TaskListener.EVENTNAME_CREATE, stepDue);
            task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, stepDue);
        }
        List<String> fields = StepNoteListener.NOTE_FIELDS.get(activity.getId());
        if (fields != null) {
            task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, new StepNoteListener(step, fields));
        }
    }
}

package org.gridcase.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseStatus;

/**
 * Everything recorded about one case, read once, and the case as it stood at any instant: what an auditor steps
 * through. The state at an instant is everything recorded at or before it; steps that share an instant happened
 * in one transaction of the engine, so no one could ever have seen a state between them.
 */
record CaseHistory(CaseDetails record, HistoricProcessInstance process, BpmnModelInstance model,
        List<HistoricActivityInstance> activities, List<HistoricTaskInstance> tasks,
        Map<String, List<HistoricIdentityLinkLog>> taskLinks, List<HistoricVariableUpdate> processVariables,
        List<HistoricJobLog> timerLog, List<BpmnModelInstance> calledModels) {

    static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    ReplayState stateAt(int step, Instant at, EventMaker names, VariableValues values) {
        CaseStatus status = record.stages().stream().filter(stage -> !stage.enteredAt().isAfter(at))
                .reduce((first, second) -> second).map(CaseDetails.Stage::status).orElse(null);
        Map<String, Object> variables = variables(at);
        return new ReplayState(step, at, status, status == null ? null : status.label(), activeActivities(at),
                taken(at), openTasks(at, names), timers(at), variables, variables.entrySet().stream()
                        .map(v -> new ReplayState.ShownVariable(v.getKey(), values.label(v.getKey()),
                                values.text(v.getKey(), v.getValue()))).toList());
    }

    /** The elements the case has passed through by this instant, and the sequence flows it followed. */
    List<String> taken(Instant at) {
        Set<String> taken = new LinkedHashSet<>();
        for (HistoricActivityInstance a : activities) {
            if (!instant(a.getStartTime()).isAfter(at)) {
                taken.add(elementId(a));
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (followed(flow, at)) {
                taken.add(flow.getId());
            }
        }
        return List.copyOf(taken);
    }

    private boolean followed(SequenceFlow flow, Instant at) {
        String source = flow.getSource().getId();
        String target = flow.getTarget().getId();
        return activities.stream().filter(a -> elementId(a).equals(target) && !instant(a.getStartTime()).isAfter(at))
                .anyMatch(t -> activities.stream().anyMatch(s -> elementId(s).equals(source)
                        && s.getEndTime() != null && !s.getEndTime().after(t.getStartTime())));
    }

    List<String> activeActivities(Instant at) {
        Set<String> active = new LinkedHashSet<>();
        for (HistoricActivityInstance a : activities) {
            if (!instant(a.getStartTime()).isAfter(at) && (a.getEndTime() == null || instant(a.getEndTime()).isAfter(at))) {
                active.add(a.getActivityId());
            }
        }
        return List.copyOf(active);
    }

    private List<ReplayState.OpenTask> openTasks(Instant at, EventMaker names) {
        List<ReplayState.OpenTask> open = new ArrayList<>();
        for (HistoricTaskInstance task : tasks) {
            if (instant(task.getStartTime()).isAfter(at)
                    || (task.getEndTime() != null && !instant(task.getEndTime()).isAfter(at))) {
                continue;
            }
            String assignee = null;
            Set<String> groups = new LinkedHashSet<>();
            Set<String> users = new LinkedHashSet<>();
            for (HistoricIdentityLinkLog link : taskLinks.getOrDefault(task.getId(), List.of())) {
                if (instant(link.getTime()).isAfter(at)) {
                    continue;
                }
                boolean add = "add".equals(link.getOperationType());
                switch (link.getType()) {
                    case "assignee" -> assignee = add ? link.getUserId() : null;
                    case "candidate" -> {
                        Set<String> set = link.getGroupId() != null ? groups : users;
                        String id = link.getGroupId() != null ? link.getGroupId() : link.getUserId();
                        if (add) {
                            set.add(id);
                        } else {
                            set.remove(id);
                        }
                    }
                    default -> {
                    }
                }
            }
            open.add(new ReplayState.OpenTask(task.getId(), task.getTaskDefinitionKey(),
                    names.step(task.getTaskDefinitionKey()), assignee, names.user(assignee), List.copyOf(groups),
                    groups.stream().map(names::group).toList(), List.copyOf(users), instant(task.getDueDate())));
        }
        return open;
    }

    /** Timers set and neither fired nor cancelled by this instant: the deadlines the case was running against. */
    private List<ReplayState.PendingTimer> timers(Instant at) {
        Map<String, ReplayState.PendingTimer> pending = new LinkedHashMap<>();
        for (HistoricJobLog entry : timerLog) {
            if (instant(entry.getTimestamp()).isAfter(at)) {
                continue;
            }
            if (entry.isCreationLog()) {
                pending.put(entry.getJobId(), new ReplayState.PendingTimer(entry.getActivityId(),
                        nameOf(entry.getActivityId()), instant(entry.getJobDueDate())));
            } else if (entry.isSuccessLog() || entry.isDeletionLog()) {
                pending.remove(entry.getJobId());
            }
        }
        return List.copyOf(pending.values());
    }

    /** The case's own variables (process scope) with the value each had at the instant. */
    Map<String, Object> variables(Instant at) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (HistoricVariableUpdate update : processVariables) {
            if (!instant(update.getTime()).isAfter(at)) {
                values.put(update.getVariableName(), ReplayValues.display(update.getTypedValue()));
            }
        }
        return values;
    }

    String nameOf(String activityId) {
        String id = activityId.replace(MULTI_INSTANCE_BODY, "");
        FlowElement element = model.getModelElementById(id);
        for (int i = 0; element == null && i < calledModels.size(); i++) {
            element = calledModels.get(i).getModelElementById(id);
        }
        return element != null && element.getName() != null ? element.getName() : activityId;
    }

    private static String elementId(HistoricActivityInstance a) {
        return a.getActivityId().replace(MULTI_INSTANCE_BODY, "");
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

package org.gridcase.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
record CaseHistory(CaseDetails record, CaseRecords.ProcessRecords main, BpmnModelInstance model,
        List<CaseRecords.ProcessRecords> called, List<BpmnModelInstance> calledModels,
        Map<String, Instant> flowsFollowed) {

    static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    /**
     * {@code flowsFollowed}: each sequence flow the case followed, in the model's order, with the first instant it
     * was followed. Worked out once: a replay asks it at every step, and reading the model's flows anew each time
     * made replaying (and the nightly compaction, which replays every case it archives) cost seconds a case.
     */
    CaseHistory(CaseDetails record, CaseRecords.ProcessRecords main, BpmnModelInstance model,
            List<CaseRecords.ProcessRecords> called, List<BpmnModelInstance> calledModels) {
        this(record, main, model, called, calledModels, flowsFollowed(model, main.activities()));
    }

    /** The case's own process and, after it, those it called (the mediation, a consultation meeting). */
    List<CaseRecords.ProcessRecords> processes() {
        List<CaseRecords.ProcessRecords> all = new ArrayList<>(List.of(main));
        all.addAll(called);
        return all;
    }

    /** A called process's records by its instance id, or null. */
    CaseRecords.ProcessRecords calledProcess(String processInstanceId) {
        return called.stream().filter(p -> p.process().id().equals(processInstanceId)).findFirst().orElse(null);
    }

    /** The model a called process ran on (in the same order as {@link #called}). */
    BpmnModelInstance modelOf(CaseRecords.ProcessRecords process) {
        int i = called.indexOf(process);
        return i < 0 ? model : calledModels.get(i);
    }

    CaseRecords.Process process() {
        return main.process();
    }

    List<CaseRecords.Activity> activities() {
        return main.activities();
    }

    List<CaseRecords.Task> tasks() {
        return main.tasks();
    }

    List<CaseRecords.Link> taskLinks(String taskId) {
        return main.linksOf(taskId);
    }

    ReplayState stateAt(int step, Instant at, EventMaker make, VariableValues values) {
        CaseStatus status = record.stages().stream().filter(stage -> !stage.enteredAt().isAfter(at))
                .reduce((first, second) -> second).map(CaseDetails.Stage::status).orElse(null);
        Map<String, Object> variables = variables(at);
        return new ReplayState(step, at, status, status == null ? null : status.label(), activeActivities(at),
                taken(at), openTasks(at, make), timers(at), variables, variables.entrySet().stream()
                        .map(v -> new ReplayState.ShownVariable(v.getKey(), values.label(v.getKey()),
                                make.shown(values, v.getKey(), v.getValue()))).toList());
    }

    /** The elements the case has passed through by this instant, and the sequence flows it followed. */
    List<String> taken(Instant at) {
        Set<String> taken = new LinkedHashSet<>();
        for (CaseRecords.Activity a : activities()) {
            if (!a.startTime().isAfter(at)) {
                taken.add(elementId(a));
            }
        }
        flowsFollowed.forEach((flow, first) -> {
            if (!first.isAfter(at)) {
                taken.add(flow);
            }
        });
        return List.copyOf(taken);
    }

    /**
     * A flow was followed when its target started after its source had ended: the first such start of the target,
     * for every flow that has one.
     */
    private static Map<String, Instant> flowsFollowed(BpmnModelInstance model, List<CaseRecords.Activity> activities) {
        Map<String, Instant> followed = new LinkedHashMap<>();
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            String source = flow.getSource().getId();
            String target = flow.getTarget().getId();
            activities.stream().filter(t -> elementId(t).equals(target))
                    .filter(t -> activities.stream().anyMatch(s -> elementId(s).equals(source)
                            && s.endTime() != null && !s.endTime().isAfter(t.startTime())))
                    .map(CaseRecords.Activity::startTime).min(Instant::compareTo)
                    .ifPresent(first -> followed.put(flow.getId(), first));
        }
        return followed;
    }

    List<String> activeActivities(Instant at) {
        Set<String> active = new LinkedHashSet<>();
        for (CaseRecords.Activity a : activities()) {
            if (!a.startTime().isAfter(at) && (a.endTime() == null || a.endTime().isAfter(at))) {
                active.add(a.activityId());
            }
        }
        return List.copyOf(active);
    }

    private List<ReplayState.OpenTask> openTasks(Instant at, EventMaker make) {
        // the processes the case called: their tasks are the case's too, so that a step during the call shows who
        // held what, not a gap; the diagram and the path stay the case's own process, where the call is active
        List<ReplayState.OpenTask> open = new ArrayList<>();
        for (CaseRecords.ProcessRecords process : processes()) {
            for (CaseRecords.Task task : process.tasks()) {
                if (task.startTime().isAfter(at) || (task.endTime() != null && !task.endTime().isAfter(at))) {
                    continue;
                }
                String assignee = null;
                Set<String> groups = new LinkedHashSet<>();
                Set<String> users = new LinkedHashSet<>();
                for (CaseRecords.Link link : process.linksOf(task.id())) {
                    if (link.time().isAfter(at)) {
                        continue;
                    }
                    boolean add = "add".equals(link.operationType());
                    switch (link.type()) {
                        case "assignee" -> assignee = add ? link.userId() : null;
                        case "candidate" -> {
                            Set<String> set = link.groupId() != null ? groups : users;
                            String id = link.groupId() != null ? link.groupId() : link.userId();
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
                open.add(new ReplayState.OpenTask(task.id(), task.taskDefinitionKey(),
                        make.step(task.taskDefinitionKey()), assignee, make.user(assignee), List.copyOf(groups),
                        groups.stream().map(make::group).toList(), List.copyOf(users), task.dueDate()));
            }
        }
        return open;
    }

    /** Timers set and neither fired nor cancelled by this instant: the deadlines the case was running against. */
    private List<ReplayState.PendingTimer> timers(Instant at) {
        Map<String, ReplayState.PendingTimer> pending = new LinkedHashMap<>();
        for (CaseRecords.JobLog entry : processes().stream().flatMap(p -> p.jobLog().stream()).toList()) {
            if (!entry.timer() || entry.timestamp().isAfter(at)) {
                continue;
            }
            if ("SET".equals(entry.kind())) {
                pending.put(entry.jobId(), new ReplayState.PendingTimer(entry.activityId(),
                        nameOf(entry.activityId()), entry.dueDate()));
            } else if ("FIRED".equals(entry.kind()) || "CANCELLED".equals(entry.kind())) {
                pending.remove(entry.jobId());
            }
        }
        return List.copyOf(pending.values());
    }

    /** The case's own variables (process scope) with the value each had at the instant. */
    Map<String, Object> variables(Instant at) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (CaseRecords.VariableUpdate update : main.processVariables()) {
            if (!update.time().isAfter(at)) {
                values.put(update.name(), update.value());
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

    private static String elementId(CaseRecords.Activity a) {
        return a.activityId().replace(MULTI_INSTANCE_BODY, "");
    }
}

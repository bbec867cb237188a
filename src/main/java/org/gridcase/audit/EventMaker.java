package org.gridcase.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Makes the events of one case's timeline, adding the names an auditor reads to the ids the records hold: who (by
 * name, from the memo of the timeline or replay, {@link AuditNames.Memo}) and which step (by its name in the exact
 * process version the case ran on).
 */
final class EventMaker {

    private final AuditNames.Memo names;
    private final BpmnModelInstance model;
    private final java.util.List<BpmnModelInstance> calledModels;
    private final Map<Shown, String> shown = new HashMap<>();

    EventMaker(AuditNames.Memo names, BpmnModelInstance model) {
        this(names, model, java.util.List.of());
    }

    /** {@code calledModels}: of the processes the case called, whose steps the case's replay shows too. */
    EventMaker(AuditNames.Memo names, BpmnModelInstance model, java.util.List<BpmnModelInstance> calledModels) {
        this.names = names;
        this.model = model;
        this.calledModels = calledModels;
    }

    TimelineEvent event(Instant at, String kind, String label, String actor, String activityId, String text,
            Map<String, Object> details) {
        return new TimelineEvent(at, kind, label, actor, user(actor), activityId,
                activityId == null ? null : step(activityId), text, details);
    }

    /** A step by its name in the model (for an unnamed one, what kind of step it is). */
    String step(String activityId) {
        String id = activityId.replace(CaseHistory.MULTI_INSTANCE_BODY, "");
        ModelElementInstance element = model.getModelElementById(id);
        for (int i = 0; element == null && i < calledModels.size(); i++) {
            element = calledModels.get(i).getModelElementById(id);
        }
        if (element instanceof FlowElement flow && flow.getName() != null) {
            return flow.getName();
        }
        return element == null ? activityId : TimelineWords.activityType(element.getElementType().getTypeName());
    }

    String user(String username) {
        return names.user(username);
    }

    String group(String groupId) {
        return names.group(groupId);
    }

    /**
     * A variable's value as {@code values} shows it, worked out once for this replay: a replay shows every variable
     * again at every step (the same value each time until it changes), and parsing its times, limits and lists at
     * each step was a fifth of a compaction's CPU (JFR).
     */
    String shown(VariableValues values, String name, Object value) {
        return shown.computeIfAbsent(new Shown(name, value), v -> values.text(names, name, value));
    }

    private record Shown(String name, Object value) {
    }

    /** The names of the timeline or replay this maker's events belong to. */
    AuditNames.Memo names() {
        return names;
    }

    /** A map of the pairs given, leaving out nulls (a JSON export stays readable). */
    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}

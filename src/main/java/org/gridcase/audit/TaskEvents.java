package org.gridcase.audit;

import static org.gridcase.audit.EventMaker.details;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * A case's tasks on its timeline: who could take each (候选组：土门街道), who took it (认领) or was given it
 * (指派给：周小军（grid.worker）), and its completion with the values its form wrote, by their labels.
 */
@Component
class TaskEvents {

    private final VariableValues values;

    TaskEvents(VariableValues values) {
        this.values = values;
    }

    List<TimelineEvent> of(CaseRecords.ProcessRecords recorded, EventMaker make) {
        List<TimelineEvent> events = new ArrayList<>();
        for (CaseRecords.Task t : recorded.tasks()) {
            if (t.endTime() != null) {
                Map<String, Object> submitted = submitted(t, recorded.updates());
                String end = TimelineWords.taskEnd(t.deleteReason());
                String text = submitted == null ? "" : submitted.entrySet().stream()
                        .map(v -> values.label(v.getKey()) + "："
                                + values.text(make.names(), v.getKey(), v.getValue()))
                        .collect(Collectors.joining("；"));
                if (t.dueDate() != null) {
                    text += (text.isEmpty() ? "" : "；") + "期限 " + values.format(t.dueDate());
                }
                events.add(make.event(t.endTime(), "TASK_COMPLETED", end + "：" + make.step(
                        t.taskDefinitionKey()), t.assignee(), t.taskDefinitionKey(), text,
                        details("taskId", t.id(), "reason", t.deleteReason(), "due", t.dueDate(),
                                "values", submitted)));
            }
            // candidate groups, claims and assignments, with who made them
            for (CaseRecords.Link link : recorded.linksOf(t.id())) {
                events.add(make.event(link.time(), "TASK_" + link.type().toUpperCase() + "_"
                        + link.operationType().toUpperCase(), label(link, make), link.assignerId(),
                        t.taskDefinitionKey(), "任务：" + make.step(t.taskDefinitionKey()),
                        details("taskId", t.id(), "userId", link.userId(), "groupId", link.groupId())));
            }
        }
        return events;
    }

    private static String label(CaseRecords.Link link, EventMaker make) {
        boolean add = "add".equals(link.operationType());
        String user = make.user(link.userId());
        return switch (link.type()) {
            case "candidate" -> (add ? "" : "撤销") + (link.groupId() != null
                    ? "候选组：" + make.group(link.groupId()) : "候选人：" + user);
            case "assignee" -> link.userId() != null && link.userId().equals(link.assignerId())
                    ? (add ? "认领" : "放弃认领") : (add ? "指派给：" : "撤销指派：") + user;
            case "owner" -> (add ? "负责人：" : "撤销负责人：") + user;
            default -> (add ? "关联：" : "撤销关联：") + (user != null ? user : make.group(link.groupId()));
        };
    }

    /**
     * The values a task's completion wrote: updates made in the task's activity instance (or on the task) after it
     * was created and no later than its end. Null when there are none, so the export leaves the field out.
     */
    private static Map<String, Object> submitted(CaseRecords.Task task, List<CaseRecords.VariableUpdate> updates) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (CaseRecords.VariableUpdate update : updates) {
            boolean ofTask = task.id().equals(update.taskId())
                    || (task.activityInstanceId() != null
                            && task.activityInstanceId().equals(update.activityInstanceId()));
            if (ofTask && update.time().isAfter(task.startTime()) && !update.time().isAfter(task.endTime())) {
                values.put(update.name(), update.value());
            }
        }
        return values.isEmpty() ? null : values;
    }
}

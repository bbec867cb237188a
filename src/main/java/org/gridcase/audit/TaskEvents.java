package org.gridcase.audit;

import static org.gridcase.audit.EventMaker.details;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Component;

/**
 * A case's tasks on its timeline: who could take each (候选组：土门街道), who took it (认领) or was given it
 * (指派给：周小军（grid.worker）), and its completion with the values its form wrote, by their labels.
 */
@Component
class TaskEvents {

    private final HistoryService history;
    private final VariableValues values;

    TaskEvents(HistoryService history, VariableValues values) {
        this.history = history;
        this.values = values;
    }

    List<TimelineEvent> of(List<HistoricTaskInstance> tasks, List<HistoricVariableUpdate> updates, EventMaker make) {
        List<TimelineEvent> events = new ArrayList<>();
        for (HistoricTaskInstance t : tasks) {
            if (t.getEndTime() != null) {
                Map<String, Object> submitted = submitted(t, updates);
                String end = TimelineWords.taskEnd(t.getDeleteReason());
                String text = submitted == null ? "" : submitted.entrySet().stream()
                        .map(v -> values.label(v.getKey()) + "：" + values.text(v.getKey(), v.getValue()))
                        .collect(Collectors.joining("；"));
                if (t.getDueDate() != null) {
                    text += (text.isEmpty() ? "" : "；") + "期限 " + values.format(instant(t.getDueDate()));
                }
                events.add(make.event(instant(t.getEndTime()), "TASK_COMPLETED", end + "：" + make.step(
                        t.getTaskDefinitionKey()), t.getAssignee(), t.getTaskDefinitionKey(), text,
                        details("taskId", t.getId(), "reason", t.getDeleteReason(), "due", instant(t.getDueDate()),
                                "values", submitted)));
            }
            // candidate groups, claims and assignments, with who made them (the log has no process filter)
            for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(t.getId()).list()) {
                events.add(make.event(instant(link.getTime()), "TASK_" + link.getType().toUpperCase() + "_"
                        + link.getOperationType().toUpperCase(), label(link, make), link.getAssignerId(),
                        t.getTaskDefinitionKey(), "任务：" + make.step(t.getTaskDefinitionKey()),
                        details("taskId", t.getId(), "userId", link.getUserId(), "groupId", link.getGroupId())));
            }
        }
        return events;
    }

    private static String label(HistoricIdentityLinkLog link, EventMaker make) {
        boolean add = "add".equals(link.getOperationType());
        String user = make.user(link.getUserId());
        return switch (link.getType()) {
            case "candidate" -> (add ? "" : "撤销") + (link.getGroupId() != null
                    ? "候选组：" + make.group(link.getGroupId()) : "候选人：" + user);
            case "assignee" -> link.getUserId() != null && link.getUserId().equals(link.getAssignerId())
                    ? (add ? "认领" : "放弃认领") : (add ? "指派给：" : "撤销指派：") + user;
            case "owner" -> (add ? "负责人：" : "撤销负责人：") + user;
            default -> (add ? "关联：" : "撤销关联：") + (user != null ? user : make.group(link.getGroupId()));
        };
    }

    /**
     * The values a task's completion wrote: updates made in the task's activity instance (or on the task) after it
     * was created and no later than its end. Null when there are none, so the export leaves the field out.
     */
    private static Map<String, Object> submitted(HistoricTaskInstance task, List<HistoricVariableUpdate> updates) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (HistoricVariableUpdate update : updates) {
            boolean ofTask = task.getId().equals(update.getTaskId())
                    || (task.getActivityInstanceId() != null
                            && task.getActivityInstanceId().equals(update.getActivityInstanceId()));
            if (ofTask && update.getTime().after(task.getStartTime()) && !update.getTime().after(task.getEndTime())) {
                values.put(update.getVariableName(), ReplayValues.display(update.getTypedValue()));
            }
        }
        return values.isEmpty() ? null : values;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

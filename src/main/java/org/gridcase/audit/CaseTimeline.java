package org.gridcase.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.notification.NotificationLog;
import org.gridcase.system.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Builds a case's complete timeline. Everything comes from records that exist anyway (Camunda's history at level
 * FULL and gridcase's own tables); nothing is written for the timeline, so there is nothing to keep in step.
 */
@Service
public class CaseTimeline {

    private static final Map<String, String> TIMER_LABELS = Map.of("SET", "计时开始", "FIRED", "计时到期",
            "CANCELLED", "计时取消", "FAILED", "计时执行失败");

    private final CaseQueries cases;
    private final NotificationLog notifications;
    private final HistoryService history;
    private final TaskService tasks;
    private final RepositoryService repository;

    CaseTimeline(CaseQueries cases, NotificationLog notifications, HistoryService history, TaskService tasks,
            RepositoryService repository) {
        this.repository = repository;
        this.cases = cases;
        this.notifications = notifications;
        this.history = history;
        this.tasks = tasks;
    }

    public List<TimelineEvent> of(String caseNumber) {
        CaseDetails c = cases.find(caseNumber).orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        String process = c.processInstanceId();
        List<TimelineEvent> events = new ArrayList<>();
        events.add(new TimelineEvent(c.receivedAt(), "CASE_RECEIVED", "收到诉求", null, null, request(c)));
        c.stages().forEach(stage -> events.add(new TimelineEvent(stage.enteredAt(), "STAGE",
                "工单状态：" + stage.label(), null, null, Map.of("status", stage.status().name()))));
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(process)
                .list()) {
            if (a.getActivityType().endsWith("Gateway") || a.getActivityType().equals("multiInstanceBody")) {
                continue;
            }
            events.add(new TimelineEvent(instant(a.getStartTime()), "ACTIVITY", name(a), a.getAssignee(),
                    a.getActivityId(), details("type", a.getActivityType(), "endTime", instant(a.getEndTime()),
                            "canceled", a.isCanceled())));
        }
        List<HistoricVariableUpdate> updates = history.createHistoricDetailQuery().processInstanceId(process)
                .variableUpdates().disableCustomObjectDeserialization().list().stream()
                .map(HistoricVariableUpdate.class::cast).toList();
        for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(process).list()) {
            if (t.getEndTime() != null) {
                events.add(new TimelineEvent(instant(t.getEndTime()), "TASK_COMPLETED", "完成任务：" + t.getName(),
                        t.getAssignee(), t.getTaskDefinitionKey(), details("taskId", t.getId(),
                                "reason", t.getDeleteReason(), "due", instant(t.getDueDate()),
                                "values", submitted(t, updates))));
            }
            // candidate groups, claims and assignments, with who made them (the log has no process filter)
            for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(t.getId()).list()) {
                events.add(new TimelineEvent(instant(link.getTime()), "TASK_" + link.getType().toUpperCase() + "_"
                        + link.getOperationType().toUpperCase(), linkLabel(link), link.getAssignerId(),
                        t.getTaskDefinitionKey(), details("taskId", t.getId(), "userId", link.getUserId(),
                                "groupId", link.getGroupId())));
            }
        }
        for (HistoricDecisionInstance d : history.createHistoricDecisionInstanceQuery().processInstanceId(process)
                .includeInputs().includeOutputs().list()) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            d.getInputs().forEach(input -> inputs.put(input.getClauseName(), input.getValue()));
            List<Map<String, Object>> outputs = new ArrayList<>();
            Map<String, Object> row = new LinkedHashMap<>();
            d.getOutputs().forEach(output -> row.put(output.getVariableName(), output.getValue()));
            outputs.add(row);
            events.add(new TimelineEvent(instant(d.getEvaluationTime()), "DECISION", "决策：" + d.getDecisionDefinitionName(),
                    d.getUserId(), d.getActivityId(), details("decision", d.getDecisionDefinitionKey(),
                            "version", d.getDecisionDefinitionId(), "inputs", inputs, "outputs", outputs)));
        }
        // each change with the value it replaced (old → new), per variable instance in revision order
        Map<String, Object> previous = new HashMap<>();
        for (HistoricVariableUpdate update : updates.stream().sorted(Comparator.comparing(HistoricVariableUpdate::getTime)
                .thenComparing(HistoricVariableUpdate::getRevision)).toList()) {
            Object value = ReplayValues.display(update.getTypedValue());
            Object from = previous.put(update.getVariableInstanceId(), value);
            events.add(new TimelineEvent(instant(update.getTime()), "VARIABLE", "变量 " + update.getVariableName(),
                    null, null, details("name", update.getVariableName(), "from", from, "value", value,
                            "revision", update.getRevision(), "activityInstanceId", update.getActivityInstanceId())));
        }
        for (UserOperationLogEntry op : history.createUserOperationLogQuery().processInstanceId(process).list()) {
            events.add(new TimelineEvent(instant(op.getTimestamp()), "OPERATION",
                    "操作：" + op.getOperationType(), op.getUserId(), null, details("entity", op.getEntityType(),
                            "taskId", op.getTaskId(), "property", op.getProperty(), "from", op.getOrgValue(),
                            "to", op.getNewValue())));
        }
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(process).list()) {
            events.add(new TimelineEvent(instant(incident.getCreateTime()), "INCIDENT", "故障：" + incident.getIncidentType(),
                    null, incident.getActivityId(), details("message", incident.getIncidentMessage(),
                            "resolved", instant(incident.getEndTime()))));
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(history.createHistoricProcessInstanceQuery()
                .processInstanceId(process).singleResult().getProcessDefinitionId());
        for (HistoricJobLog entry : history.createHistoricJobLogQuery().processInstanceId(process).list()) {
            String type = entry.getJobDefinitionType();
            if (type == null || !type.startsWith("timer")) {
                continue;
            }
            String what = entry.isCreationLog() ? "SET" : entry.isSuccessLog() ? "FIRED"
                    : entry.isDeletionLog() ? "CANCELLED" : "FAILED";
            events.add(new TimelineEvent(instant(entry.getTimestamp()), "TIMER_" + what,
                    TIMER_LABELS.get(what) + "：" + elementName(model, entry.getActivityId()), null,
                    entry.getActivityId(), details("jobId", entry.getJobId(), "due", instant(entry.getJobDueDate()),
                            "message", entry.getJobExceptionMessage())));
        }
        tasks.getProcessInstanceComments(process).forEach(note -> events.add(new TimelineEvent(instant(note.getTime()),
                "NOTE", "备注", note.getUserId(), null, details("text", note.getFullMessage()))));
        c.escalations().forEach(e -> events.add(new TimelineEvent(e.occurredAt(), "ESCALATION",
                e.stage().label() + e.label(), null, null, details("stage", e.stage().name(), "rung", e.rung().name(),
                        "department", e.departmentCode(), "notified", e.notifiedGroup()))));
        notifications.about(caseNumber).forEach(n -> events.add(new TimelineEvent(n.sentAt(), "NOTIFICATION",
                "通知：" + n.template(), null, null, details("recipient", n.recipient(), "text", n.text()))));
        // time order; at the same instant, the order in which they were gathered (records before engine details)
        events.sort(Comparator.comparing(TimelineEvent::at));
        return events;
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

    private static Map<String, Object> request(CaseDetails c) {
        return details("caseNumber", c.caseNumber(), "category", c.category(), "categoryName", c.categoryName(),
                "urgency", c.urgency().name(), "description", c.description(), "address", c.address(),
                "lat", c.lat(), "lon", c.lon(), "gridCode", c.reportedGridCode(), "channel", c.channel().name(),
                "reporterName", c.reporterName(), "reporterPhone", c.reporterPhone(), "photoLinks", c.photoLinks());
    }

    private static String elementName(BpmnModelInstance model, String activityId) {
        ModelElementInstance element = model.getModelElementById(activityId.replace("#multiInstanceBody", ""));
        return element instanceof FlowElement flow && flow.getName() != null ? flow.getName() : activityId;
    }

    private static String name(HistoricActivityInstance a) {
        return a.getActivityName() != null ? a.getActivityName() : a.getActivityId();
    }

    private static String linkLabel(HistoricIdentityLinkLog link) {
        String who = link.getUserId() != null ? link.getUserId() : link.getGroupId();
        return ("add".equals(link.getOperationType()) ? "任务" : "撤销") + link.getType() + "：" + who;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** A map of the pairs given, leaving out nulls (a JSON export stays readable). */
    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}

package org.gridcase.audit;

import static org.gridcase.audit.EventMaker.details;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.notification.NotificationLog;
import org.gridcase.system.NotFoundException;
import org.gridcase.system.PhoneNumbers;
import org.springframework.stereotype.Service;

/**
 * Builds a case's complete timeline. Everything comes from records that exist anyway (Camunda's history at level
 * FULL and gridcase's own tables); nothing is written for the timeline, so there is nothing to keep in step.
 */
@Service
public class CaseTimeline {

    private static final Map<String, String> TIMER_LABELS = Map.of("SET", "计时开始", "FIRED", "计时到期",
            "CANCELLED", "计时取消", "FAILED", "计时执行失败");

    private static final Pattern PHONE = Pattern.compile("\\d[\\d-]{6,}\\d");

    private final CaseQueries cases;
    private final NotificationLog notifications;
    private final HistoryService history;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final AuditNames names;
    private final VariableValues values;
    private final TaskEvents taskEvents;

    CaseTimeline(CaseQueries cases, NotificationLog notifications, HistoryService history, TaskService tasks,
            RepositoryService repository, AuditNames names, VariableValues values, TaskEvents taskEvents) {
        this.repository = repository;
        this.cases = cases;
        this.notifications = notifications;
        this.history = history;
        this.tasks = tasks;
        this.names = names;
        this.values = values;
        this.taskEvents = taskEvents;
    }

    public List<TimelineEvent> of(String caseNumber) {
        CaseDetails c = cases.find(caseNumber).orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        String process = c.processInstanceId();
        EventMaker make = new EventMaker(names, repository.getBpmnModelInstance(history
                .createHistoricProcessInstanceQuery().processInstanceId(process).singleResult()
                .getProcessDefinitionId()));
        List<TimelineEvent> events = new ArrayList<>();
        events.add(make.event(c.receivedAt(), "CASE_RECEIVED", "收到诉求", null, null, request(c, make.user(c.openedBy())),
                request(c, make)));
        c.stages().forEach(stage -> events.add(make.event(stage.enteredAt(), "STAGE", "工单状态：" + stage.label(),
                null, null, "", details("status", stage.status().name()))));
        engineEvents(process, make, events);
        c.escalations().forEach(e -> events.add(make.event(e.occurredAt(), "ESCALATION",
                e.stage().label() + e.label(), null, null, Stream.of(names.department(e.departmentCode()),
                        e.notifiedGroup() == null ? null : "通知 " + make.group(e.notifiedGroup()))
                        .filter(Objects::nonNull).collect(Collectors.joining("；")),
                details("stage", e.stage().name(), "rung", e.rung().name(), "department", e.departmentCode(),
                        "notified", e.notifiedGroup()))));
        notifications.about(caseNumber).forEach(n -> events.add(make.event(n.sentAt(), "NOTIFICATION",
                "通知：" + TimelineWords.template(n.template()), null, null, masked(n.text(), c),
                details("template", n.template(), "recipient", masked(n.recipient(), c), "text",
                        masked(n.text(), c)))));
        // each try to deliver them: auditors see what left gridcase when, on which channel, and whether it arrived
        notifications.deliveriesAbout(caseNumber).stream().filter(d -> d.attempt() > 0).forEach(d -> events.add(
                make.event(d.at(), "NOTIFICATION_DELIVERY", "投递：" + TimelineWords.template(d.template()) + " · "
                        + d.channelLabel(), null, null, d.outcome() + "（" + shown(make, d.address()) + "，第 " + d.attempt()
                        + " 次）" + (d.error() == null ? "" : "：" + d.error()), details("template", d.template(),
                        "channel", d.channel(), "address", d.address(), "attempt", d.attempt(), "outcome",
                        d.outcome(), "error", d.error()))));
        // time order; at the same instant, the order in which they were gathered (records before engine details)
        events.sort(Comparator.comparing(TimelineEvent::at));
        return events;
    }

    /**
     * A process the case called (the mediation, a consultation meeting) ran as an instance of its own: its steps are
     * the case's steps too, named in the called process's own model, so that the timeline has no gap. Gathered right
     * after the call, so that a step of the case's own process at the instant the call ended comes after them.
     */
    private void called(String processInstanceId, List<TimelineEvent> events) {
        HistoricProcessInstance called = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (called != null) {
            engineEvents(called.getId(), new EventMaker(names, repository.getBpmnModelInstance(
                    called.getProcessDefinitionId())), events);
        }
    }

    /** The engine's records of one process instance: its steps, tasks, decisions, variables, operations, timers. */
    private void engineEvents(String process, EventMaker make, List<TimelineEvent> events) {
        // in the order they happened (steps of one transaction share an instant): events at the same instant keep
        // the order gathered
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(process)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
            if (a.getActivityType().endsWith("Gateway") || a.getActivityType().equals("multiInstanceBody")) {
                continue;
            }
            String text = TimelineWords.activityType(a.getActivityType()) + (a.getEndTime() == null ? "，尚未结束"
                    : (a.isCanceled() ? "，已取消 " : "，结束 ") + values.format(instant(a.getEndTime())));
            events.add(make.event(instant(a.getStartTime()), "ACTIVITY", make.step(a.getActivityId()),
                    a.getAssignee(), a.getActivityId(), text, details("type", a.getActivityType(),
                            "endTime", instant(a.getEndTime()), "canceled", a.isCanceled())));
            if (a.getCalledProcessInstanceId() != null) {
                called(a.getCalledProcessInstanceId(), events);
            }
        }
        List<HistoricVariableUpdate> updates = history.createHistoricDetailQuery().processInstanceId(process)
                .variableUpdates().disableCustomObjectDeserialization().list().stream()
                .map(HistoricVariableUpdate.class::cast).toList();
        List<HistoricTaskInstance> caseTasks = history.createHistoricTaskInstanceQuery().processInstanceId(process)
                .list();
        events.addAll(taskEvents.of(caseTasks, updates, make));
        for (HistoricDecisionInstance d : history.createHistoricDecisionInstanceQuery().processInstanceId(process)
                .includeInputs().includeOutputs().list()) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            d.getInputs().forEach(input -> inputs.put(input.getClauseName(), input.getValue()));
            Map<String, Object> row = new LinkedHashMap<>();
            d.getOutputs().forEach(output -> row.put(output.getVariableName(), output.getValue()));
            // the routing table collects a channel per matching rule, in words of its own (its columns are no case
            // variables: its "channel" is not the case's channel)
            String text = "NotificationRouting".equals(d.getDecisionDefinitionKey())
                    ? TimelineWords.routing(inputs, d.getOutputs().stream().map(o -> o.getValue()).toList())
                    : "依据 " + inputs.entrySet().stream().map(i -> i.getKey() + "："
                            + values.decisionInput(i.getKey(), i.getValue()))
                            .collect(Collectors.joining("，")) + "；决定 " + row.entrySet().stream()
                            .map(o -> values.label(o.getKey()) + "：" + values.text(o.getKey(), o.getValue()))
                            .collect(Collectors.joining("，"));
            events.add(make.event(instant(d.getEvaluationTime()), "DECISION", "决策：" + d.getDecisionDefinitionName(),
                    d.getUserId(), d.getActivityId(), text, details("decision", d.getDecisionDefinitionKey(),
                            "version", d.getDecisionDefinitionId(), "inputs", inputs, "outputs", List.of(row))));
        }
        events.addAll(variableChanges(updates, make));
        Map<String, String> taskSteps = caseTasks.stream().collect(Collectors.toMap(HistoricTaskInstance::getId,
                HistoricTaskInstance::getTaskDefinitionKey));
        for (UserOperationLogEntry op : history.createUserOperationLogQuery().processInstanceId(process).list()) {
            events.add(make.event(instant(op.getTimestamp()), "OPERATION", "操作记录：" + TimelineWords.operation(
                    op.getOperationType()), op.getUserId(), taskSteps.get(op.getTaskId()), change(op, make),
                    details("operation", op.getOperationType(), "entity", op.getEntityType(), "taskId",
                            op.getTaskId(), "property", op.getProperty(), "from", op.getOrgValue(),
                            "to", op.getNewValue())));
        }
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(process).list()) {
            events.add(make.event(instant(incident.getCreateTime()), "INCIDENT", "故障：" + TimelineWords.incident(
                    incident.getIncidentType()), null, incident.getActivityId(), Objects.toString(
                    incident.getIncidentMessage(), "") + (incident.getEndTime() == null ? "" : "；已于 "
                    + values.format(instant(incident.getEndTime())) + " 解决"), details("type",
                    incident.getIncidentType(), "message", incident.getIncidentMessage(),
                    "resolved", instant(incident.getEndTime()))));
        }
        for (HistoricJobLog entry : history.createHistoricJobLogQuery().processInstanceId(process).list()) {
            String type = entry.getJobDefinitionType();
            if (type == null || !type.startsWith("timer")) {
                continue;
            }
            String what = entry.isCreationLog() ? "SET" : entry.isSuccessLog() ? "FIRED"
                    : entry.isDeletionLog() ? "CANCELLED" : "FAILED";
            events.add(make.event(instant(entry.getTimestamp()), "TIMER_" + what,
                    TIMER_LABELS.get(what) + "：" + make.step(entry.getActivityId()), null, entry.getActivityId(),
                    "到期 " + values.format(instant(entry.getJobDueDate())), details("jobId", entry.getJobId(),
                            "due", instant(entry.getJobDueDate()), "message", entry.getJobExceptionMessage())));
        }
        tasks.getProcessInstanceComments(process).forEach(note -> events.add(make.event(instant(note.getTime()),
                "NOTE", "备注", note.getUserId(), null, note.getFullMessage(), details("text", note.getFullMessage()))));
    }

    /** A delivery's address as auditors read it: the bell's group by its name, not its code. */
    private static String shown(EventMaker make, String address) {
        return address != null && address.startsWith("group:") ? make.group(address.substring("group:".length()))
                : address;
    }

    /** Each change with the value it replaced (old → new), per variable instance in revision order. */
    private List<TimelineEvent> variableChanges(List<HistoricVariableUpdate> updates, EventMaker make) {
        List<TimelineEvent> events = new ArrayList<>();
        Map<String, Object> previous = new HashMap<>();
        for (HistoricVariableUpdate update : updates.stream().sorted(Comparator.comparing(HistoricVariableUpdate::getTime)
                .thenComparing(HistoricVariableUpdate::getRevision)).toList()) {
            String name = update.getVariableName();
            Object value = ReplayValues.display(update.getTypedValue());
            boolean first = !previous.containsKey(update.getVariableInstanceId());
            Object from = previous.put(update.getVariableInstanceId(), value);
            events.add(make.event(instant(update.getTime()), "VARIABLE", "变量：" + values.label(name), null, null,
                    (first ? "" : values.text(name, from) + " → ") + values.text(name, value),
                    details("name", name, "from", from, "value", value, "revision", update.getRevision(),
                            "activityInstanceId", update.getActivityInstanceId())));
        }
        return events;
    }

    /** What an operation changed, in words: 办理人：（空） → 周小军（grid.worker）. */
    private static String change(UserOperationLogEntry op, EventMaker make) {
        String property = TimelineWords.property(op.getProperty());
        if (property == null || "delete".equals(op.getProperty())) { // a completion "deletes" the task: no news
            return "";
        }
        boolean person = "assignee".equals(op.getProperty()) || "owner".equals(op.getProperty())
                || "userId".equals(op.getProperty());
        String from = person ? make.user(op.getOrgValue()) : op.getOrgValue();
        String to = person ? make.user(op.getNewValue()) : op.getNewValue();
        return property + "：" + (from == null ? "（空）" : from) + " → " + (to == null ? "（空）" : to);
    }

    /**
     * A message with the reporter's phone as the case record shows it to this caller (masked for auditors, who do
     * not call back): the stored message holds the number in full.
     */
    private static String masked(String text, CaseDetails c) {
        if (text == null || c.reporterPhone() == null) {
            return text;
        }
        return PHONE.matcher(text).replaceAll(found -> c.reporterPhone().equals(PhoneNumbers.mask(found.group()))
                ? c.reporterPhone() : found.group());
    }

    private static String request(CaseDetails c, String openedBy) {
        return Stream.of(c.channel().label() + (openedBy == null ? "" : "（登记人 " + openedBy + "）"),
                c.categoryName(), c.urgency().label(), c.address(), c.description(),
                c.reporterName() == null ? null : "诉求人 " + c.reporterName() + (c.reporterPhone() == null ? ""
                        : " " + c.reporterPhone())).filter(Objects::nonNull).collect(Collectors.joining("；"));
    }

    private static Map<String, Object> request(CaseDetails c, EventMaker make) {
        return details("caseNumber", c.caseNumber(), "category", c.category(), "categoryName", c.categoryName(),
                "urgency", c.urgency().name(), "description", c.description(), "address", c.address(),
                "lat", c.lat(), "lon", c.lon(), "gridCode", c.reportedGridCode(), "channel", c.channel().name(),
                "reporterName", c.reporterName(), "reporterPhone", c.reporterPhone(), "photoLinks", c.photoLinks());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

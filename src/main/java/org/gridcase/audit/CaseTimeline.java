package org.gridcase.audit;

import static org.gridcase.audit.EventMaker.details;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
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
    private final AuditRecords records;
    private final RepositoryService repository;
    private final AuditNames names;
    private final VariableValues values;
    private final TaskEvents taskEvents;

    CaseTimeline(CaseQueries cases, NotificationLog notifications, AuditRecords records,
            RepositoryService repository, AuditNames names, VariableValues values, TaskEvents taskEvents) {
        this.repository = repository;
        this.cases = cases;
        this.notifications = notifications;
        this.records = records;
        this.names = names;
        this.values = values;
        this.taskEvents = taskEvents;
    }

    public List<TimelineEvent> of(String caseNumber) {
        CaseDetails c = cases.find(caseNumber).orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        return of(CaseReplay.load(c, records.of(c), repository));
    }

    List<TimelineEvent> of(CaseHistory recorded) {
        CaseDetails c = recorded.record();
        String caseNumber = c.caseNumber();
        CaseRecords.ProcessRecords main = recorded.main();
        EventMaker make = new EventMaker(names.memo(), recorded.model());
        List<TimelineEvent> events = new ArrayList<>();
        events.add(make.event(c.receivedAt(), "CASE_RECEIVED", "收到诉求", null, null, request(c, make.user(c.openedBy())),
                request(c, make)));
        c.stages().forEach(stage -> events.add(make.event(stage.enteredAt(), "STAGE", "工单状态：" + stage.label(),
                null, null, "", details("status", stage.status().name()))));
        engineEvents(recorded, main, make, events);
        c.escalations().forEach(e -> events.add(make.event(e.occurredAt(), "ESCALATION",
                e.stage().label() + e.label(), null, null, Stream.of(make.names().department(e.departmentCode()),
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
     * The engine's records of one process instance: its steps, tasks, decisions, variables, operations, timers. A
     * process the case called (the mediation, a consultation meeting) ran as an instance of its own: its steps are
     * the case's steps too, named in the called process's own model, gathered right after the call, so that the
     * timeline has no gap and a step of the case's own process at the instant the call ended comes after them.
     */
    private void engineEvents(CaseHistory recorded, CaseRecords.ProcessRecords process, EventMaker make,
            List<TimelineEvent> events) {
        for (CaseRecords.Activity a : process.activities()) {
            if (a.activityType().endsWith("Gateway") || a.activityType().equals("multiInstanceBody")) {
                continue;
            }
            String text = TimelineWords.activityType(a.activityType()) + (a.endTime() == null ? "，尚未结束"
                    : (a.canceled() ? "，已取消 " : "，结束 ") + values.format(a.endTime()));
            events.add(make.event(a.startTime(), "ACTIVITY", make.step(a.activityId()),
                    a.assignee(), a.activityId(), text, details("type", a.activityType(),
                            "endTime", a.endTime(), "canceled", a.canceled())));
            CaseRecords.ProcessRecords called = a.calledProcessInstanceId() == null ? null
                    : recorded.calledProcess(a.calledProcessInstanceId());
            if (called != null) {
                engineEvents(recorded, called, new EventMaker(make.names(), recorded.modelOf(called)), events);
            }
        }
        List<CaseRecords.VariableUpdate> updates = process.updates();
        events.addAll(taskEvents.of(process, make));
        for (CaseRecords.Decision d : process.decisions()) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            d.inputs().forEach(input -> inputs.put(input.name(), input.value()));
            Map<String, Object> row = new LinkedHashMap<>();
            d.outputs().forEach(output -> row.put(output.name(), output.value()));
            // the routing table collects a channel per matching rule, in words of its own (its columns are no case
            // variables: its "channel" is not the case's channel)
            String text = "NotificationRouting".equals(d.decisionDefinitionKey())
                    ? TimelineWords.routing(inputs, d.outputs().stream().map(CaseRecords.Entry::value).toList())
                    : "依据 " + inputs.entrySet().stream().map(i -> i.getKey() + "："
                            + values.decisionInput(make.names(), i.getKey(), i.getValue()))
                            .collect(Collectors.joining("，")) + "；决定 " + row.entrySet().stream()
                            .map(o -> values.label(o.getKey()) + "："
                                    + values.text(make.names(), o.getKey(), o.getValue()))
                            .collect(Collectors.joining("，"));
            events.add(make.event(d.evaluationTime(), "DECISION", "决策：" + d.decisionDefinitionName(),
                    d.userId(), d.activityId(), text, details("decision", d.decisionDefinitionKey(),
                            "version", d.decisionDefinitionId(), "inputs", inputs, "outputs", List.of(row))));
        }
        events.addAll(variableChanges(updates, make));
        Map<String, String> taskSteps = process.tasks().stream().collect(Collectors.toMap(CaseRecords.Task::id,
                CaseRecords.Task::taskDefinitionKey));
        for (CaseRecords.Operation op : process.operations()) {
            events.add(make.event(op.timestamp(), "OPERATION", "操作记录：" + TimelineWords.operation(
                    op.operationType()), op.userId(), op.taskId() == null ? null : taskSteps.get(op.taskId()),
                    change(op, make), details("operation", op.operationType(), "entity", op.entityType(), "taskId",
                            op.taskId(), "property", op.property(), "from", op.orgValue(), "to", op.newValue())));
        }
        for (CaseRecords.Incident incident : process.incidents()) {
            events.add(make.event(incident.createTime(), "INCIDENT", "故障：" + TimelineWords.incident(
                    incident.incidentType()), null, incident.activityId(), Objects.toString(
                    incident.message(), "") + (incident.endTime() == null ? "" : "；已于 "
                    + values.format(incident.endTime()) + " 解决"), details("type",
                    incident.incidentType(), "message", incident.message(), "resolved", incident.endTime())));
        }
        for (CaseRecords.JobLog entry : process.jobLog()) {
            if (!entry.timer()) {
                continue;
            }
            String what = entry.kind();
            events.add(make.event(entry.timestamp(), "TIMER_" + what,
                    TIMER_LABELS.get(what) + "：" + make.step(entry.activityId()), null, entry.activityId(),
                    "到期 " + values.format(entry.dueDate()), details("jobId", entry.jobId(),
                            "due", entry.dueDate(), "message", entry.exceptionMessage())));
        }
        process.comments().forEach(note -> events.add(make.event(note.time(),
                "NOTE", "备注", note.userId(), null, note.fullMessage(), details("text", note.fullMessage()))));
    }

    /** A delivery's address as auditors read it: the bell's group by its name, not its code. */
    private static String shown(EventMaker make, String address) {
        return address != null && address.startsWith("group:") ? make.group(address.substring("group:".length()))
                : address;
    }

    /** Each change with the value it replaced (old → new), per variable instance in revision order. */
    private List<TimelineEvent> variableChanges(List<CaseRecords.VariableUpdate> updates, EventMaker make) {
        List<TimelineEvent> events = new ArrayList<>();
        Map<String, Object> previous = new HashMap<>();
        for (CaseRecords.VariableUpdate update : updates.stream().sorted(Comparator
                .comparing(CaseRecords.VariableUpdate::time).thenComparing(CaseRecords.VariableUpdate::revision))
                .toList()) {
            String name = update.name();
            Object value = update.value();
            boolean first = !previous.containsKey(update.variableInstanceId());
            Object from = previous.put(update.variableInstanceId(), value);
            events.add(make.event(update.time(), "VARIABLE", "变量：" + values.label(name), null, null,
                    (first ? "" : values.text(make.names(), name, from) + " → ")
                            + values.text(make.names(), name, value),
                    details("name", name, "from", from, "value", value, "revision", update.revision(),
                            "activityInstanceId", update.activityInstanceId())));
        }
        return events;
    }

    /** What an operation changed, in words: 办理人：（空） → 周小军（grid.worker）. */
    private static String change(CaseRecords.Operation op, EventMaker make) {
        String property = TimelineWords.property(op.property());
        if (property == null || "delete".equals(op.property())) { // a completion "deletes" the task: no news
            return "";
        }
        boolean person = "assignee".equals(op.property()) || "owner".equals(op.property())
                || "userId".equals(op.property());
        String from = person ? make.user(op.orgValue()) : op.orgValue();
        String to = person ? make.user(op.newValue()) : op.newValue();
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
}

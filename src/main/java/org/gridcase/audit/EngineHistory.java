package org.gridcase.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * The audit's records read from the engine's history tables (history level FULL), as long as the case has them:
 * until its compact archive replaces them. Every list is put in a fixed order, by time and then by id (the engine's
 * ids grow in time order, cluster/CompactIds): the database returns rows of the same instant in any order, and
 * the archive, written from these lists, must replay in the one order the audit showed before.
 */
@Component
class EngineHistory {

    private final HistoryService history;
    private final RepositoryService repository;
    private final TaskService taskService;

    EngineHistory(HistoryService history, RepositoryService repository, TaskService taskService) {
        this.history = history;
        this.repository = repository;
        this.taskService = taskService;
    }

    /** The case's process instance and every one it called, or null when the engine holds no history of it. */
    CaseRecords read(String processInstanceId) {
        HistoricProcessInstance root = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (root == null) {
            return null;
        }
        List<HistoricProcessInstance> called = history.createHistoricProcessInstanceQuery()
                .rootProcessInstanceId(processInstanceId).orderByProcessInstanceStartTime().asc().list().stream()
                .filter(p -> !p.getId().equals(processInstanceId)).toList();
        List<CaseRecords.ProcessRecords> processes = new ArrayList<>();
        processes.add(process(root));
        called.forEach(p -> processes.add(process(p)));
        return new CaseRecords(List.copyOf(processes));
    }

    private CaseRecords.ProcessRecords process(HistoricProcessInstance p) {
        String id = p.getId();
        var process = new CaseRecords.Process(id, p.getSuperProcessInstanceId(), p.getBusinessKey(),
                p.getProcessDefinitionId(), p.getProcessDefinitionKey(),
                repository.getProcessDefinition(p.getProcessDefinitionId()).getDeploymentId(),
                instant(p.getStartTime()), instant(p.getEndTime()), p.getState());
        // steps in the order they happened: steps of one transaction share an instant, and the engine's sequence
        // counter orders them; it counts per execution, so parallel branches (the check-ins) can tie, and the id
        // breaks that tie for good (the archive keeps this list's order, and must see the order the engine gave)
        var activities = history.createHistoricActivityInstanceQuery().processInstanceId(id)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
                .orderByHistoricActivityInstanceId().asc().list().stream()
                .map(a -> new CaseRecords.Activity(a.getId(), a.getParentActivityInstanceId(), a.getActivityId(),
                        a.getActivityType(), a.getAssignee(), instant(a.getStartTime()), instant(a.getEndTime()),
                        a.isCanceled(), a.getCalledProcessInstanceId()))
                .toList();
        List<HistoricTaskInstance> found = historicTasks(id);
        var tasks = found.stream().map(EngineHistory::task).toList();
        // the identity link log has no process filter: per task, in time order
        var links = found.stream().flatMap(t -> history.createHistoricIdentityLinkLogQuery().taskId(t.getId())
                .list().stream().sorted(Comparator.comparing(HistoricIdentityLinkLog::getTime)
                        .thenComparing(HistoricIdentityLinkLog::getId))
                .map(l -> new CaseRecords.Link(t.getId(), instant(l.getTime()), l.getType(), l.getOperationType(),
                        l.getUserId(), l.getGroupId(), l.getAssignerId())))
                .toList();
        var updates = updates(id, null);
        var decisions = history.createHistoricDecisionInstanceQuery().processInstanceId(id).includeInputs()
                .includeOutputs().list().stream().sorted(Comparator.comparing(
                        HistoricDecisionInstance::getEvaluationTime).thenComparing(HistoricDecisionInstance::getId))
                .map(d -> new CaseRecords.Decision(d.getId(), instant(d.getEvaluationTime()),
                        d.getDecisionDefinitionKey(), d.getDecisionDefinitionId(), d.getDecisionDefinitionName(),
                        d.getUserId(), d.getActivityId(),
                        d.getInputs().stream().map(EngineHistory::entry).toList(),
                        d.getOutputs().stream().map(EngineHistory::entry).toList()))
                .toList();
        var operations = history.createUserOperationLogQuery().processInstanceId(id).list().stream()
                .sorted(Comparator.comparing(UserOperationLogEntry::getTimestamp)
                        .thenComparing(UserOperationLogEntry::getId))
                .map(op -> new CaseRecords.Operation(op.getId(), instant(op.getTimestamp()), op.getOperationType(),
                        op.getUserId(), op.getTaskId(), op.getEntityType(), op.getProperty(), op.getOrgValue(),
                        op.getNewValue()))
                .toList();
        var incidents = history.createHistoricIncidentQuery().processInstanceId(id).list().stream()
                .sorted(Comparator.comparing(HistoricIncident::getCreateTime).thenComparing(HistoricIncident::getId))
                .map(i -> new CaseRecords.Incident(instant(i.getCreateTime()), i.getIncidentType(),
                        i.getActivityId(), i.getIncidentMessage(), instant(i.getEndTime())))
                .toList();
        var jobLog = history.createHistoricJobLogQuery().processInstanceId(id).list().stream()
                .sorted(Comparator.comparing(HistoricJobLog::getTimestamp).thenComparing(HistoricJobLog::getId))
                .map(EngineHistory::jobLog).toList();
        var comments = taskService.getProcessInstanceComments(id).stream()
                .sorted(Comparator.comparing(org.camunda.bpm.engine.task.Comment::getTime)
                        .thenComparing(org.camunda.bpm.engine.task.Comment::getId))
                .map(c -> new CaseRecords.Comment(instant(c.getTime()), c.getUserId(), c.getFullMessage()))
                .toList();
        return new CaseRecords.ProcessRecords(process, activities, tasks, links, updates, decisions, operations,
                incidents, jobLog, comments);
    }

    /** The tasks of this one process instance, as {@link #read} records them (CaseSteps). */
    List<CaseRecords.Task> tasks(String processInstanceId) {
        return historicTasks(processInstanceId).stream().map(EngineHistory::task).toList();
    }

    /** The updates of these variables of this one process instance, as {@link #read} records them (CaseSteps). */
    List<CaseRecords.VariableUpdate> processVariableUpdates(String processInstanceId, Set<String> names) {
        return updates(processInstanceId, names).stream().filter(CaseRecords.VariableUpdate::processScoped).toList();
    }

    private List<HistoricTaskInstance> historicTasks(String id) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(id).list()
                .stream().sorted(Comparator.comparing(HistoricTaskInstance::getStartTime)
                        .thenComparing(HistoricTaskInstance::getId)).toList();
    }

    private static CaseRecords.Task task(HistoricTaskInstance t) {
        return new CaseRecords.Task(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(),
                t.getActivityInstanceId(), instant(t.getStartTime()), instant(t.getEndTime()),
                instant(t.getDueDate()), t.getDeleteReason());
    }

    /** The process instance's variable updates (of these variables; null: all), in time and revision order. */
    private List<CaseRecords.VariableUpdate> updates(String id, Set<String> names) {
        // the case's own variables (the process scope), not the check-in instances' or tasks' local ones
        var instances = history.createHistoricVariableInstanceQuery().processInstanceId(id)
                .disableCustomObjectDeserialization();
        if (names != null) {
            instances.variableNameIn(names.toArray(String[]::new));
        }
        Set<String> processScoped = instances.list().stream()
                .filter(variable -> id.equals(variable.getActivityInstanceId()))
                .map(HistoricVariableInstance::getId).collect(Collectors.toSet());
        if (names != null && processScoped.isEmpty()) {
            return List.of();
        }
        return history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
                .disableCustomObjectDeserialization().list()
                .stream().map(HistoricVariableUpdate.class::cast)
                .filter(u -> names == null || names.contains(u.getVariableName()))
                .sorted(Comparator.comparing(HistoricVariableUpdate::getTime)
                        .thenComparing(HistoricVariableUpdate::getRevision).thenComparing(HistoricVariableUpdate::getId))
                .map(u -> new CaseRecords.VariableUpdate(u.getVariableInstanceId(), u.getVariableName(),
                        instant(u.getTime()), u.getRevision(), u.getActivityInstanceId(), u.getTaskId(),
                        processScoped.contains(u.getVariableInstanceId()), RecordedValues.type(u.getTypedValue()),
                        ReplayValues.display(u.getTypedValue())))
                .toList();
    }

    private static CaseRecords.Entry entry(HistoricDecisionInputInstance input) {
        return new CaseRecords.Entry(input.getClauseName(), RecordedValues.type(input.getTypedValue()),
                ReplayValues.display(input.getTypedValue()));
    }

    private static CaseRecords.Entry entry(HistoricDecisionOutputInstance output) {
        return new CaseRecords.Entry(output.getVariableName(), RecordedValues.type(output.getTypedValue()),
                ReplayValues.display(output.getTypedValue()));
    }

    private static CaseRecords.JobLog jobLog(HistoricJobLog entry) {
        String kind = entry.isCreationLog() ? "SET" : entry.isSuccessLog() ? "FIRED"
                : entry.isDeletionLog() ? "CANCELLED" : "FAILED";
        return new CaseRecords.JobLog(instant(entry.getTimestamp()), entry.getJobId(), entry.getActivityId(),
                instant(entry.getJobDueDate()), kind, entry.getJobDefinitionType(), entry.getJobExceptionMessage());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    static Stream<String> processInstanceIds(CaseRecords records) {
        return records.processes().stream().map(p -> p.process().id());
    }
}

package org.gridcase.audit;

import java.time.Instant;
import java.util.List;

/**
 * Everything the audit reads about a case from the engine's history, in records of its own: the case's process
 * instance first, then every process it called (and they called). What the audit shows is made from these alone,
 * whether they were read from the engine's history tables or from the case's compact archive (CaseArchive), so the
 * two give the same replay, timeline, exports and integrity verdict. The model is not copied: the deployment stays,
 * and {@code processDefinitionId} names the exact version.
 */
record CaseRecords(List<ProcessRecords> processes) {

    /** The case's own process instance (the root of the tree). */
    ProcessRecords main() {
        return processes.get(0);
    }

    record ProcessRecords(Process process, List<Activity> activities, List<Task> tasks, List<Link> links,
            List<VariableUpdate> updates, List<Decision> decisions, List<Operation> operations,
            List<Incident> incidents, List<JobLog> jobLog, List<Comment> comments) {

        /** A task's identity links in time order: candidates, claims and assignments. */
        List<Link> linksOf(String taskId) {
            return links.stream().filter(link -> taskId.equals(link.taskId())).toList();
        }

        /** Updates of the case's own variables (the process scope), in time and revision order. */
        List<VariableUpdate> processVariables() {
            return updates.stream().filter(VariableUpdate::processScoped).toList();
        }
    }

    record Process(String id, String superProcessInstanceId, String businessKey, String processDefinitionId,
            String processDefinitionKey, String deploymentId, Instant startTime, Instant endTime, String state) {
    }

    record Activity(String id, String parentActivityInstanceId, String activityId, String activityType,
            String assignee, Instant startTime, Instant endTime, boolean canceled, String calledProcessInstanceId) {
    }

    record Task(String id, String taskDefinitionKey, String name, String assignee, String activityInstanceId,
            Instant startTime, Instant endTime, Instant dueDate, String deleteReason) {
    }

    record Link(String taskId, Instant time, String type, String operationType, String userId, String groupId,
            String assignerId) {
    }

    /** A variable's value as the audit shows it (ReplayValues.display), with the engine's type name. */
    record VariableUpdate(String variableInstanceId, String name, Instant time, int revision,
            String activityInstanceId, String taskId, boolean processScoped, String type, Object value) {

        VariableUpdate {
            value = RecordedValues.restore(type, value);
        }
    }

    record Decision(String id, Instant evaluationTime, String decisionDefinitionKey, String decisionDefinitionId,
            String decisionDefinitionName, String userId, String activityId, List<Entry> inputs, List<Entry> outputs) {
    }

    /** A decision's input (by its clause's name) or output (by its variable's name). */
    record Entry(String name, String type, Object value) {

        Entry {
            value = RecordedValues.restore(type, value);
        }
    }

    record Operation(String id, Instant timestamp, String operationType, String userId, String taskId,
            String entityType, String property, String orgValue, String newValue) {
    }

    record Incident(Instant createTime, String incidentType, String activityId, String message, Instant endTime) {
    }

    /** A timer's log entry: set (creation), fired (success), cancelled (deletion) or failed. */
    record JobLog(Instant timestamp, String jobId, String activityId, Instant dueDate, String kind,
            String jobDefinitionType, String exceptionMessage) {

        boolean timer() {
            return jobDefinitionType != null && jobDefinitionType.startsWith("timer");
        }
    }

    record Comment(Instant time, String userId, String fullMessage) {
    }
}

package org.gridcase.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gridcase.casework.CaseStatus;

/**
 * A case as it stood after step {@code step} of its timeline: its status, where the process was, the tasks open
 * and who held them, the timers it was running against, and its variables: {@code variables} as recorded (for
 * machines), {@code shownVariables} with their Chinese labels and values (for auditors).
 */
public record ReplayState(int step, Instant at, CaseStatus status, String statusLabel, List<String> activeActivities,
        List<String> taken, List<OpenTask> openTasks, List<PendingTimer> timers, Map<String, Object> variables,
        List<ShownVariable> shownVariables) {

    public record OpenTask(String taskId, String activityId, String name, String assignee, String assigneeName,
            List<String> candidateGroups, List<String> candidateGroupNames, List<String> candidateUsers,
            Instant due) {
    }

    public record PendingTimer(String activityId, String name, Instant due) {
    }

    public record ShownVariable(String name, String label, String value) {
    }
}

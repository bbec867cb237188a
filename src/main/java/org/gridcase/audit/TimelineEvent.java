package org.gridcase.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to a case. {@code kind} is stable for machines (ACTIVITY, TASK_COMPLETED, DECISION,
 * VARIABLE, OPERATION, ...), and so are {@code actor} (a login), {@code activityId} and {@code details} (raw
 * values, as recorded); {@code label}, {@code actorName}, {@code activityName} and {@code text} are what an auditor
 * reads: Chinese, names not codes, times in the district's zone.
 */
public record TimelineEvent(Instant at, String kind, String label, String actor, String actorName,
        String activityId, String activityName, String text, Map<String, Object> details) {
}

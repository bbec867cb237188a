package org.gridcase.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to a case. {@code kind} is stable for machines (ACTIVITY_STARTED, TASK_COMPLETED,
 * DECISION, VARIABLE, OPERATION, ...), {@code label} is what an auditor reads; {@code actor} is the user
 * responsible, when there is one.
 */
public record TimelineEvent(Instant at, String kind, String label, String actor, String activityId,
        Map<String, Object> details) {
}

package org.gridcase.audit;

import java.util.List;

/**
 * What the replay page opens with: the exact process version the case ran on (its diagram at
 * {@code diagramUrl}), every step of the timeline, the elements and flows the case passed through, and the time zone
 * its times are to be shown in (the district's).
 */
public record Replay(String caseNumber, String processDefinitionId, String processDefinitionKey,
        String processName, int version,
        String diagramUrl, List<TimelineEvent> steps, List<String> taken,
        String timeZone) {
}

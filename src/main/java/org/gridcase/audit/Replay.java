package org.gridcase.audit;

import java.util.List;

/**
 * What the replay page opens with: the exact process version the case ran on (its diagram at
 * {@code diagramUrl}), every step of the timeline, and the elements and flows the case passed through.
 */
public record Replay(String caseNumber, String processDefinitionId, String processDefinitionKey, int version,
        String diagramUrl, List<TimelineEvent> steps, List<String> taken) {
}

package org.gridcase.audit;

import java.util.List;

/** The result of checking one case's history against the model it ran on. */
public record IntegrityReport(String caseNumber, String processDefinitionId, boolean intact, int stepsChecked,
        List<Finding> findings) {

    /** Something in the history that the model or the rules of history do not allow. */
    public record Finding(String rule, String activityId, String message) {
    }
}

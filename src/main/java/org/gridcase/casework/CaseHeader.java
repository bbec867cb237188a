package org.gridcase.casework;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What forms, task titles and notices show of a case beside the process's own facts: the report as recorded and
 * the names of the grid, community and street it was placed in. Read from the record when it is needed, never
 * copied into the case's variables: each variable costs three rows with full history (runtime, instance, detail),
 * for values that never change and that the record already keeps.
 */
record CaseHeader(String caseNumber, String categoryName, String urgencyLabel, String channelLabel,
        String description, String address, String reporterName, String reporterPhone, Double lat, Double lon,
        String gridName, String communityName, String streetName, String photoLinks) {

    /** The header under the names the forms' texts use ({{categoryName}}, {{address}}, ...). */
    Map<String, Object> formVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(GridReportVariables.CATEGORY_NAME, categoryName);
        variables.put(GridReportVariables.URGENCY_LABEL, urgencyLabel);
        variables.put(GridReportVariables.CHANNEL_LABEL, channelLabel);
        variables.put(GridReportVariables.DESCRIPTION, description);
        variables.put(GridReportVariables.ADDRESS, address);
        variables.put(GridReportVariables.REPORTER_NAME, reporterName == null ? "" : reporterName);
        variables.put(GridReportVariables.GRID_NAME, gridName);
        variables.put(GridReportVariables.COMMUNITY_NAME, communityName);
        variables.put(GridReportVariables.STREET_NAME, streetName);
        return variables;
    }
}

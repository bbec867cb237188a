package org.gridcase.workbench;

import java.time.Instant;
import java.util.List;

/** A case as its page shows it: names, not codes; the reporter's phone as the caller may see it. */
record CasePage(String caseNumber, String status, String statusLabel, String categoryName, String urgency,
        String urgencyLabel, String channelLabel, String description, String address, Double lat, Double lon,
        List<String> photoLinks, String reporterName, String reporterPhone, String gridCode, String gridName,
        String gridBoundary, String communityName, String streetName, String openedBy, Instant receivedAt,
        Instant closedAt, String leadDepartment) {
}

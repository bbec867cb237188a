package org.gridcase.audit;

import java.time.Instant;
import java.util.List;

import org.gridcase.casework.CaseDetails;

/** One case found by an auditor, with what makes it interesting and where its history is. */
record AuditCaseSummary(String caseNumber, String status, String statusLabel, String categoryName,
        String streetCode, List<String> departments, Instant receivedAt, Instant handlingDue, Instant closedAt,
        int reopenCount, int returnCount, long escalations, boolean lateCheckIn, String timelineUrl,
        String replayUrl) {

    static AuditCaseSummary of(CaseDetails c) {
        return new AuditCaseSummary(c.caseNumber(), c.status().name(), c.statusLabel(), c.categoryName(),
                c.streetCode(), c.departments().stream().map(CaseDetails.Department::departmentCode).distinct().toList(),
                c.receivedAt(), c.handlingDue(), c.closedAt(), c.reopenCount(), c.returnCount(),
                c.escalations().size(), c.departments().stream().anyMatch(CaseDetails.Department::late),
                "/api/audit/cases/" + c.caseNumber() + "/timeline", "/audit/replay.html?case=" + c.caseNumber());
    }
}

package org.gridcase.audit;

import java.time.Instant;
import java.util.List;

import org.gridcase.casework.CaseDetails;

/**
 * One case found by an auditor, with what makes it interesting and where its history is. Streets and departments
 * come with their names (what auditors read) next to their codes (what other systems match).
 */
record AuditCaseSummary(String caseNumber, String status, String statusLabel, String categoryName,
        String streetCode, String streetName, List<String> departments, List<String> departmentNames,
        Instant receivedAt, Instant handlingDue, Instant closedAt, int reopenCount, int returnCount,
        long escalations, boolean lateCheckIn, String timelineUrl, String replayUrl) {

    static AuditCaseSummary of(CaseDetails c, AuditNames.Memo names) {
        List<String> departments = c.departments().stream().map(CaseDetails.Department::departmentCode).distinct()
                .toList();
        return new AuditCaseSummary(c.caseNumber(), c.status().name(), c.statusLabel(), c.categoryName(),
                c.streetCode(), names.unit(c.streetCode()), departments,
                departments.stream().map(names::department).toList(), c.receivedAt(), c.handlingDue(),
                c.closedAt(), c.reopenCount(), c.returnCount(), c.escalations().size(),
                c.departments().stream().anyMatch(CaseDetails.Department::late),
                "/api/audit/cases/" + c.caseNumber() + "/timeline", "/audit/replay.html?case=" + c.caseNumber());
    }
}

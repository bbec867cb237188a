package org.gridcase.intake;

import java.time.Instant;

import org.gridcase.casework.CaseDetails;

/** One line of the staff's case list. */
record CaseSummary(String caseNumber, String status, String statusLabel, String categoryName, String address,
        String streetCode, String gridCode, String leadDepartment, Instant receivedAt, Instant handlingDue,
        Instant closedAt) {

    static CaseSummary of(CaseDetails c) {
        return new CaseSummary(c.caseNumber(), c.status().name(), c.statusLabel(), c.categoryName(), c.address(),
                c.streetCode(), c.gridCode(), c.leadDepartment(), c.receivedAt(), c.handlingDue(), c.closedAt());
    }
}

package org.gridcase.workbench;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The latest 督办 by hand of a case: who asked, when, why, and how many times it was asked for. */
@Entity
@Table(name = "case_supervision_request")
class SupervisionRequest {

    @Id
    private String caseNumber;
    private String requestedBy;
    private Instant requestedAt;
    private String reason;
    private int requestCount;
    @Version
    private long version;

    protected SupervisionRequest() {
    }

    SupervisionRequest(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    void requested(String by, Instant at, String why) {
        this.requestedBy = by;
        this.requestedAt = at;
        this.reason = why;
        this.requestCount++;
    }

    View view(Names.Lookup names) {
        return new View(names.person(requestedBy), requestedAt, reason, requestCount);
    }

    record View(String requestedBy, Instant requestedAt, String reason, int count) {
    }
}

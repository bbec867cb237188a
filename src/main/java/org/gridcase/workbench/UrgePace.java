package org.gridcase.workbench;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The pace of a case's urges: when it was last urged and how often. One row per case, versioned, so that of two
 * urges at the same moment one wins and the other is told (409), on every node.
 */
@Entity
@Table(name = "case_urge_pace")
class UrgePace {

    @Id
    private String caseNumber;
    private Instant lastUrgedAt;
    private int urgeCount;
    @Version
    private long version;

    protected UrgePace() {
    }

    UrgePace(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    /** When the case may be urged again; null if now. */
    Instant nextAllowed(Instant now, Duration interval) {
        Instant next = lastUrgedAt == null ? null : lastUrgedAt.plus(interval);
        return next != null && next.isAfter(now) ? next : null;
    }

    void urged(Instant at) {
        lastUrgedAt = at;
        urgeCount++;
    }

    int urgeCount() {
        return urgeCount;
    }
}

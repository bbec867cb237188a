package org.gridcase.intake;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An Idempotency-Key that opened a case, with a hash of the request it came with. */
@Entity
@Table(name = "intake_idempotency")
class IdempotencyRecord {

    @Id
    private String idempotencyKey;

    private String requestHash;
    private String caseNumber;
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(String idempotencyKey, String requestHash, String caseNumber, Instant createdAt) {
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.caseNumber = caseNumber;
        this.createdAt = createdAt;
    }

    String requestHash() {
        return requestHash;
    }

    String caseNumber() {
        return caseNumber;
    }
}

package org.gridcase.casework;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stage the case entered, and when. */
@Entity
@Table(name = "case_stage")
class CaseStage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    private Instant enteredAt;

    protected CaseStage() {
    }

    CaseStage(CaseStatus status, Instant enteredAt) {
        this.status = status;
        this.enteredAt = enteredAt;
    }

    CaseStatus status() {
        return status;
    }

    Instant enteredAt() {
        return enteredAt;
    }
}

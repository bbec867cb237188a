package org.gridcase.casework;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A rung of the escalation ladder that a case reached. */
@Entity
@Table(name = "case_escalation")
class CaseEscalation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private LadderStage stage;

    @Enumerated(EnumType.STRING)
    private LadderRung rung;

    private String departmentCode;
    private String notifiedGroup;
    private Instant occurredAt;

    protected CaseEscalation() {
    }

    CaseEscalation(LadderStage stage, LadderRung rung, String departmentCode, String notifiedGroup,
            Instant occurredAt) {
        this.stage = stage;
        this.rung = rung;
        this.departmentCode = departmentCode;
        this.notifiedGroup = notifiedGroup;
        this.occurredAt = occurredAt;
    }

    CaseDetails.Escalation view() {
        return new CaseDetails.Escalation(stage, rung, rung.label(), departmentCode, notifiedGroup, occurredAt);
    }
}

package org.gridcase.casework;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A party (a department or an outside body) that took on a commitment at a consultation meeting on the case: it
 * works on the case from then on, as a summoned department does, and keeps reading it after its commitment is
 * done. Mapped only so that {@link CaseAccess} can ask for it in a criteria query; written by {@link CaseParties}.
 */
@Entity
@Table(name = "case_party")
class CommitmentParty {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;
    private String partyCode;
    private Instant grantedAt;

    protected CommitmentParty() {
    }
}

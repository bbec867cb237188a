package org.gridcase.casework;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last case number drawn for one prefix on one day, keyed like {@code TM-20251009}. */
@Entity
@Table(name = "case_number_sequence")
class CaseNumberSequence {

    @Id
    private String sequenceKey;

    private int lastValue;

    protected CaseNumberSequence() {
    }

    CaseNumberSequence(String sequenceKey) {
        this.sequenceKey = sequenceKey;
    }

    int next() {
        return ++lastValue;
    }
}

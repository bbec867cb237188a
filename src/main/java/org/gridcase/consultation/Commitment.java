package org.gridcase.consultation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One party's commitment from a meeting's resolution: what it does, by when, and how far it got. */
@Entity
@Table(name = "consultation_commitment")
class Commitment {

    enum State {
        OPEN("待落实"), SUBMITTED("待核验"), SENT_BACK("已退回"), ACCEPTED("已落实");

        private final String label;

        State(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int seq;
    private String partyCode;
    private String partyName;
    private String task;
    private Instant deadline;

    @Enumerated(EnumType.STRING)
    private State state = State.OPEN;

    private String fulfilmentNote;
    private String checkNote;
    private Instant submittedAt;
    private Instant acceptedAt;

    protected Commitment() {
    }

    Commitment(int seq, String partyCode, String partyName, String task, Instant deadline) {
        this.seq = seq;
        this.partyCode = partyCode;
        this.partyName = partyName;
        this.task = task;
        this.deadline = deadline;
    }

    void submit(String note, Instant at) {
        this.fulfilmentNote = note;
        this.submittedAt = at;
        this.state = State.SUBMITTED;
    }

    void check(boolean accepted, String note, Instant at) {
        this.checkNote = note;
        this.state = accepted ? State.ACCEPTED : State.SENT_BACK;
        this.acceptedAt = accepted ? at : null;
    }

    /** Late: not accepted by its deadline, or accepted after it. */
    boolean late(Instant now) {
        return acceptedAt != null ? acceptedAt.isAfter(deadline) : now.isAfter(deadline);
    }

    int seq() {
        return seq;
    }

    String partyCode() {
        return partyCode;
    }

    String partyName() {
        return partyName;
    }

    String task() {
        return task;
    }

    Instant deadline() {
        return deadline;
    }

    State state() {
        return state;
    }

    String fulfilmentNote() {
        return fulfilmentNote;
    }

    String checkNote() {
        return checkNote;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant acceptedAt() {
        return acceptedAt;
    }
}

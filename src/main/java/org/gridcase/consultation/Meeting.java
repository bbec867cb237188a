package org.gridcase.consultation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A consultation meeting on a case, and its commitments once recorded. */
@Entity
@Table(name = "consultation_meeting")
class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String caseNumber;
    private String processInstanceId;
    private String convenerGroup;
    private String subject;
    private Instant meetingAt;
    private String place;
    private String invitedParties;
    private String residentRepresentatives;
    private String attendees;
    private String minutes;
    private Instant convenedAt;
    private Instant recordedAt;
    private Instant concludedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "meeting_id", nullable = false)
    @OrderBy("seq")
    private List<Commitment> commitments = new ArrayList<>();

    protected Meeting() {
    }

    Meeting(String caseNumber, String processInstanceId, String convenerGroup, String subject, Instant meetingAt,
            String place, List<String> invitedParties, String residentRepresentatives, Instant convenedAt) {
        this.caseNumber = caseNumber;
        this.processInstanceId = processInstanceId;
        this.convenerGroup = convenerGroup;
        this.subject = subject;
        this.meetingAt = meetingAt;
        this.place = place;
        this.invitedParties = String.join(",", invitedParties);
        this.residentRepresentatives = residentRepresentatives;
        this.convenedAt = convenedAt;
    }

    /** The meeting was held: who came, what was said, and who committed to what. */
    void record(String attendees, String minutes, List<Commitment> commitments, Instant at) {
        this.attendees = attendees;
        this.minutes = minutes;
        this.commitments.clear();
        this.commitments.addAll(commitments);
        this.recordedAt = at;
    }

    void conclude(Instant at) {
        this.concludedAt = at;
    }

    Commitment commitment(int seq) {
        return commitments.stream().filter(c -> c.seq() == seq).findFirst()
                .orElseThrow(() -> new IllegalStateException("meeting " + id + " has no commitment " + seq));
    }

    Long id() {
        return id;
    }

    String caseNumber() {
        return caseNumber;
    }

    String convenerGroup() {
        return convenerGroup;
    }

    String subject() {
        return subject;
    }

    Instant meetingAt() {
        return meetingAt;
    }

    String place() {
        return place;
    }

    List<String> invitedParties() {
        return invitedParties == null || invitedParties.isBlank() ? List.of() : List.of(invitedParties.split(","));
    }

    String residentRepresentatives() {
        return residentRepresentatives;
    }

    String attendees() {
        return attendees;
    }

    String minutes() {
        return minutes;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    Instant concludedAt() {
        return concludedAt;
    }

    List<Commitment> commitments() {
        return List.copyOf(commitments);
    }
}

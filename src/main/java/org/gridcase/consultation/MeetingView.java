package org.gridcase.consultation;

import java.time.Instant;
import java.util.List;

/** A consultation meeting as the API shows it: names, not codes; each commitment with its state in Chinese. */
public record MeetingView(String subject, Instant meetingAt, String place, List<String> invitedParties,
        String residentRepresentatives, String attendees, String minutes, Instant recordedAt, Instant concludedAt,
        List<CommitmentView> commitments) {

    /** {@code late}: not accepted by its deadline, or accepted after it. */
    public record CommitmentView(int seq, String partyCode, String partyName, String task, Instant deadline,
            String state, String stateLabel, boolean late, String fulfilmentNote, String checkNote,
            Instant acceptedAt) {
    }
}

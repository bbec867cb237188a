package org.gridcase.consultation;

/** The variables of ConsultationMeeting.bpmn, written once. */
final class ConsultationVariables {

    // passed in by the calling process
    static final String CONVENER_GROUP = "convenerGroup";

    // Task_ConveneMeeting
    static final String MEETING_SUBJECT = "meetingSubject";
    static final String MEETING_AT = "meetingAt";
    static final String MEETING_PLACE = "meetingPlace";
    static final String INVITED_PARTIES = "invitedParties";
    static final String RESIDENT_REPRESENTATIVES = "residentRepresentatives";

    // Task_RecordMeeting: the form's dynamic list, and the commitments the multi-instance runs over
    static final String ATTENDEES = "attendees";
    static final String MINUTES = "minutes";
    static final String COMMITMENT_ROWS = "commitmentRows";
    static final String COMMITMENTS = "commitments";

    // one commitment (a map in the list; each instance's element variable), and its instance's locals
    static final String COMMITMENT = "commitment";
    static final String PARTY = "party";
    static final String PARTY_NAME = "partyName";
    static final String TASK = "task";
    static final String DEADLINE = "deadline";
    static final String SEQ = "seq";
    static final String COMMITMENT_SEQ = "commitmentSeq";
    static final String COMMITMENT_TASK = "commitmentTask";
    static final String COMMITMENT_GROUP = "commitmentGroup";
    static final String COMMITMENT_CANDIDATES = "commitmentCandidates";
    static final String COMMITMENT_DEPARTMENT = "commitmentDepartment";
    static final String COMMITMENT_PARTY_NAME = "commitmentPartyName";
    static final String COMMITMENT_DUE = "commitmentDue";
    static final String COMMITMENT_ACCEPTED = "commitmentAccepted";
    static final String FULFILMENT_NOTE = "fulfilmentNote";
    static final String CHECK_NOTE = "checkNote";

    private ConsultationVariables() {
    }
}

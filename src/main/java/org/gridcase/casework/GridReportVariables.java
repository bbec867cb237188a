package org.gridcase.casework;

/**
 * The variables of {@code GridReportProcess}, written once. Forms use the same names as their field keys, and
 * the DMN outputs the triage ones. All are strings, numbers, booleans, dates or JSON lists.
 */
final class GridReportVariables {

    static final String PROCESS_KEY = "GridReportProcess";

    // the report
    static final String CASE_NUMBER = "caseNumber";
    static final String CATEGORY = "category";
    static final String CATEGORY_NAME = "categoryName";
    static final String URGENCY = "urgency";
    static final String URGENCY_LABEL = "urgencyLabel";
    static final String DESCRIPTION = "description";
    static final String ADDRESS = "address";
    static final String LAT = "lat";
    static final String LON = "lon";
    static final String REPORTER_NAME = "reporterName";
    static final String REPORTER_PHONE = "reporterPhone";
    static final String CHANNEL = "channel";
    static final String CHANNEL_LABEL = "channelLabel";
    static final String PHOTO_LINKS = "photoLinks";

    // placement (gridCode may also come from the reporter or from a dispatcher placing the case by hand)
    static final String GRID_CODE = "gridCode";
    static final String GRID_NAME = "gridName";
    static final String COMMUNITY_CODE = "communityCode";
    static final String COMMUNITY_NAME = "communityName";
    static final String STREET_CODE = "streetCode";
    static final String STREET_NAME = "streetName";

    // triage (ReportTriage.dmn) and the whistle
    static final String TRIAGE = "triage";
    static final String TRACK = "track";
    static final String DEPARTMENTS = "departments";
    static final String DEPARTMENT = "department";
    static final String DEPARTMENT_OPTIONS = "departmentOptions";
    static final String LEAD_DEPARTMENT = "leadDepartment";
    static final String RESPONSE_LIMIT = "responseLimit";
    static final String CHECK_IN_LIMIT = "checkInLimit";
    static final String HANDLING_LIMIT = "handlingLimit";
    static final String RETURN_VISIT_LIMIT = "returnVisitLimit";
    static final String RATING_LIMIT = "ratingLimit";
    static final String CHECK_IN_NOTE = "checkInNote";
    static final String CONSULTATION_MEETING = "consultationMeeting";
    // the street moves a dispute into mediation by hand (Gateway_MediationChosen); MEDIATION_OUTCOME comes back
    // from CallActivity_Mediation
    static final String MEDIATION_CHOSEN = "mediationChosen";
    static final String MEDIATION_REASON = "mediationReason";
    static final String MEDIATION_OUTCOME = "mediationOutcome";

    // handling, extension, return visit
    static final String HANDLED_ON_THE_SPOT = "handledOnTheSpot";
    static final String HANDLING_DUE = "handlingDue";
    static final String HANDLING_START = "handlingStart";

    // the escalation ladder (EscalationLadder.dmn): rung dates per stage, the group a handling case escalates to
    static final String LADDER_STAGE = "ladderStage";
    static final String ON_THE_SPOT_START = "onTheSpotStart";
    static final String ON_THE_SPOT_WARN_AT = "onTheSpotWarnAt";
    static final String CHECK_IN_START = "checkInStart";
    static final String CHECK_IN_WARN_AT = "checkInWarnAt";
    static final String CHECK_IN_RED_CARD_AT = "checkInRedCardAt";
    // a consultation meeting's commitment (ConsultationMeeting.bpmn): local to each commitment's instance
    static final String COMMITMENT_GROUP = "commitmentGroup";
    static final String COMMITMENT_DEPARTMENT = "commitmentDepartment";
    static final String COMMITMENT_PARTY_NAME = "commitmentPartyName";
    static final String COMMITMENT_DUE = "commitmentDue";
    static final String COMMITMENT_START = "commitmentStart";
    static final String COMMITMENT_WARN_AT = "commitmentWarnAt";
    static final String HANDLING_WARN_AT = "handlingWarnAt";
    static final String HANDLING_RED_CARD_AT = "handlingRedCardAt";
    static final String WHISTLE_LIMIT = "whistleLimit";
    static final String WHISTLE_WARN_AT = "whistleWarnAt";
    static final String PLACEMENT_LIMIT = "placementLimit";
    static final String PLACEMENT_WARN_AT = "placementWarnAt";
    static final String HANDLING_ESCALATION_GROUP = "handlingEscalationGroup";
    static final String HANDLING_OUTCOME = "handlingOutcome";
    static final String HANDLING_RESULT = "handlingResult";
    static final String ON_THE_SPOT_NOTE = "onTheSpotNote";
    static final String PROPOSED_DEADLINE = "proposedDeadline";
    static final String EXTENSION_APPROVED = "extensionApproved";
    static final String RESOLUTION = "resolution";
    static final String SATISFACTION = "satisfaction";
    static final String RETURN_VISIT_NOTE = "returnVisitNote";
    /** Who gave the round's resolution and satisfaction: REPORTER (the tracking link) or COMMUNITY (the call). */
    static final String RATED_BY = "ratedBy";
    static final String REOPEN_COUNT = "reopenCount";

    /** The BPMN error a delegate raises when a report cannot be placed in any grid. */
    static final String LOCATION_UNPLACEABLE = "LOCATION_UNPLACEABLE";

    private GridReportVariables() {
    }
}

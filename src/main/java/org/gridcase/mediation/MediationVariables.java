package org.gridcase.mediation;

/** The variables of processes/MediationProcess.bpmn, written once. */
final class MediationVariables {

    static final String PROCESS_KEY = "MediationProcess";

    // the first assessment (Task_AssessDispute)
    static final String PARTIES = "parties";
    static final String RISK_LEVEL = "riskLevel";
    static final String MAY_TURN_VIOLENT = "mayTurnViolent";
    static final String MAY_TURN_COLLECTIVE = "mayTurnCollective";
    static final String HIGH_RISK = "highRisk";

    // the proposal (MediatorProposal.dmn) and its confirmation (Task_AssignMediator)
    static final String MEDIATION_LEVEL = "mediationLevel";
    static final String MEDIATOR_GROUP = "mediatorGroup";
    static final String MEDIATOR_NAME = "mediatorName";

    // a session (Task_RecordSession)
    static final String SESSION_DATE = "sessionDate";
    static final String SESSION_PLACE = "sessionPlace";
    static final String PARTIES_PRESENT = "partiesPresent";
    static final String SESSION_METHOD = "sessionMethod";
    static final String SESSION_STATEMENTS = "sessionStatements";
    static final String SESSION_AGREED = "sessionAgreed";
    static final String NEXT_STEP = "nextStep";
    static final String SESSION_OUTCOME = "sessionOutcome";
    static final String NO_AGREEMENT_ROUTE = "noAgreementRoute";
    static final String GUIDANCE_TO = "guidanceTo";
    static final String GUIDANCE_REASON = "guidanceReason";

    // the agreement (Task_RecordAgreement) and its follow-up (Task_FollowUpAgreement)
    static final String AGREEMENT_PARTIES = "agreementParties";
    static final String AGREEMENT_FACTS = "agreementFacts";
    static final String AGREEMENT_TERMS = "agreementTerms";
    static final String SIGNED_COPY_LINKS = "signedCopyLinks";
    static final String AGREEMENT_PERFORMED = "agreementPerformed";
    static final String FOLLOW_UP_NOTE = "followUpNote";
    /** From MediatorProposal.dmn ("working:P10D"); FOLLOW_UP_DUE is the date it gives when the agreement is signed. */
    static final String FOLLOW_UP_AFTER = "followUpAfter";
    static final String FOLLOW_UP_DUE = "followUpDue";

    /** What the main process tells the reporter: the agreement's terms, or the guidance and its reason. */
    static final String MEDIATION_RESULT = "mediationResult";

    static final String CASE_NUMBER = "caseNumber";
    static final String CATEGORY_NAME = "categoryName";
    static final String ADDRESS = "address";
    static final String STREET_CODE = "streetCode";
    static final String COMMUNITY_CODE = "communityCode";

    private MediationVariables() {
    }

    /** A form's text field: null when left empty, stripped otherwise. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    static boolean yes(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }
}

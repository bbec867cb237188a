package org.gridcase.mediation;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A dispute's mediation as the API shows it: the assessment and the mediator, the sessions, the agreements. */
@Schema(description = "纠纷调解记录 · a dispute's mediation record")
record MediationView(String caseNumber, Assessment assessment, List<Session> sessions, List<Agreement> agreements) {

    /** 初判 and who mediates. */
    record Assessment(String parties, String riskLevel, String riskLabel, boolean mayTurnViolent,
            boolean mayTurnCollective, boolean highRisk, String assessedBy, Instant assessedAt,
            String mediationLevel, String mediatorName, Instant assignedAt) {
    }

    /** 调解记录. */
    record Session(Instant heldAt, String place, String partiesPresent, String method, String statements,
            String agreed, String nextStep, String outcome, String noAgreementRoute, String guidanceTo,
            String guidanceReason, String recordedBy, Instant recordedAt) {
    }

    /** 调解协议书 and its follow-up (履行回访); performed is null until followed up. */
    record Agreement(long id, String parties, String facts, String terms, String signedCopyLinks, String recordedBy,
            Instant recordedAt, Boolean performed, String followUpNote, String followedUpBy, Instant followedUpAt) {
    }
}

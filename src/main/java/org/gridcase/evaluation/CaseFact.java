package org.gridcase.evaluation;

import java.time.Instant;

import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.LadderRung;
import org.gridcase.casework.LadderStage;

/** One case as the measures count it: a row of {@code case_fact}, derived from the case record alone. */
record CaseFact(String caseNumber, Instant receivedAt, String districtCode, String streetCode, String communityCode,
        String gridCode, String category, String categoryGroup, String channel, String urgency, String leadDepartment,
        String openedBy, boolean dispatched, Instant closedAt, Instant handlingDue, Instant handledAt, Boolean onTime,
        String resolution, String satisfaction, String ratedBy, int reopenCount, int returnCount, int extensionCount,
        int supervisionCount, int warningCount, int escalationCount, int redCardCount, Double lat, Double lon) {

    /** Street codes are the county's six digits and three of the street's (CJ/T 349, as registry_unit says). */
    private static final int DISTRICT_DIGITS = 6;

    static CaseFact of(CaseDetails c) {
        Instant handledAt = c.stages().stream().filter(s -> s.status() == CaseStatus.FEEDBACK)
                .map(CaseDetails.Stage::enteredAt).reduce((first, last) -> last).orElse(null);
        boolean closed = c.status() == CaseStatus.CLOSED;
        return new CaseFact(c.caseNumber(), c.receivedAt(),
                c.streetCode() == null || c.streetCode().length() < DISTRICT_DIGITS ? null
                        : c.streetCode().substring(0, DISTRICT_DIGITS),
                c.streetCode(), c.communityCode(), c.gridCode(), c.category(), group(c.category()),
                c.channel() == null ? "UNKNOWN" : c.channel().name(), c.urgency().name(), c.leadDepartment(),
                c.openedBy(), !c.departments().isEmpty(), closed ? c.closedAt() : null, c.handlingDue(), handledAt,
                closed ? onTime(c, handledAt) : null, c.resolution(), c.satisfaction(), c.ratedBy(), c.reopenCount(),
                c.returnCount(), c.extensionCount(), c.supervisionCount(), count(c, LadderRung.WARNING),
                count(c, LadderRung.ESCALATION), count(c, LadderRung.RED_CARD), c.lat(), c.lon());
    }

    /**
     * Closed within its handling limit. A case the departments handled: no round's handling passed its limit (the
     * overdue timer opens 督办, recorded as the handling ladder's escalation) and the last round ended by the limit
     * in force, which an approved extension moves (the record keeps the moved one). A case handled on receipt
     * (即接即办): the grid did not let its on-the-spot limit pass. The return visit and the reporter's rating
     * window are not the departments' time and are not counted against them.
     */
    static boolean onTime(CaseDetails c, Instant handledAt) {
        if (c.handlingDue() != null) {
            return !reached(c, LadderStage.HANDLING, LadderRung.ESCALATION)
                    && (handledAt == null || !handledAt.isAfter(c.handlingDue()));
        }
        return !reached(c, LadderStage.ON_THE_SPOT, LadderRung.ESCALATION);
    }

    private static boolean reached(CaseDetails c, LadderStage stage, LadderRung rung) {
        return c.escalations().stream().anyMatch(e -> e.stage() == stage && e.rung() == rung);
    }

    private static int count(CaseDetails c, LadderRung rung) {
        return (int) c.escalations().stream().filter(e -> e.rung() == rung).count();
    }

    static String group(String category) {
        int dot = category.indexOf('.');
        return dot < 0 ? category : category.substring(0, dot);
    }
}

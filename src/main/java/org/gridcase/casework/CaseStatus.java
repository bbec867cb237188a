package org.gridcase.casework;

import java.util.Set;

/** Where a case stands. Designers set it per BPMN element with the extension property {@code caseStatus}. */
public enum CaseStatus {
    RECEIVED("已受理"),
    ON_THE_SPOT("即接即办"),
    WHISTLED("街道吹哨"),
    CHECKING_IN("部门报到"),
    HANDLING("处置中"),
    MEDIATING("调解中"),
    FEEDBACK("反馈"),
    RETURN_VISIT("回访"),
    REOPENED("重办"),
    CLOSED("已办结");

    /**
     * The case waits for the grid's response on the spot, a placement by hand (still RECEIVED) or the street's
     * whistle: the limit the ladder set on its record ({@code dispatchDue}) is in force.
     */
    public static final Set<CaseStatus> AWAITING_DISPATCH = Set.of(RECEIVED, ON_THE_SPOT, WHISTLED);

    /** The lead department handles the case, or handles it again: the handling deadline on its record is in force. */
    public static final Set<CaseStatus> UNDER_HANDLING = Set.of(HANDLING, REOPENED);

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

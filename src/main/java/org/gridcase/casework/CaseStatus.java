package org.gridcase.casework;

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

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.gridcase.casework;

/** A rung of the escalation ladder. */
public enum LadderRung {
    WARNING("预警"),
    ESCALATION("升级"),
    RED_CARD("红牌");

    private final String label;

    LadderRung(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

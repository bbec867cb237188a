package org.gridcase.casework;

/** The time-limited stages that have an escalation ladder (processes/EscalationLadder.dmn). */
public enum LadderStage {
    ON_THE_SPOT("即接即办"),
    CHECK_IN("部门报到"),
    HANDLING("现场处置"),
    WHISTLE("街道吹哨"),
    PLACEMENT("人工定位"),
    COMMITMENT("协商承诺"),
    MEDIATION("矛盾纠纷调解");

    private final String label;

    LadderStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

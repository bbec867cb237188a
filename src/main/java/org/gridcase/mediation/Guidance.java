package org.gridcase.mediation;

/** Where a dispute that mediation could not settle is guided (引导依法解决). */
enum Guidance {
    ARBITRATION("仲裁"),
    COURT("诉讼"),
    PETITION("信访");

    private final String label;

    Guidance(String label) {
        this.label = label;
    }

    static String labelOf(String name) {
        for (Guidance guidance : values()) {
            if (guidance.name().equals(name)) {
                return guidance.label;
            }
        }
        return "仲裁、诉讼或信访";
    }
}

package org.gridcase.registry;

/** How fast a report must be answered, before triage rules refine it. */
public enum Urgency {
    ROUTINE("一般"),
    URGENT("紧急"),
    EMERGENCY("特急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

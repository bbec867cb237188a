package org.gridcase.registry;

/** What a mediation team is good at; MediatorProposal.dmn proposes one by category and risk. */
public enum MediationSpeciality {
    PROPERTY_LAW("物业法律"),
    PLUMBING("水电维修"),
    COUNSELLING("心理疏导"),
    COMPREHENSIVE("综合");

    private final String label;

    MediationSpeciality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

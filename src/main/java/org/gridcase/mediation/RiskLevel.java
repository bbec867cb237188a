package org.gridcase.mediation;

/** The risk a dispute carries at the first assessment (初判). */
enum RiskLevel {
    NORMAL("一般"),
    SERIOUS("较大"),
    MAJOR("重大");

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static String labelOf(String name) {
        for (RiskLevel level : values()) {
            if (level.name().equals(name)) {
                return level.label;
            }
        }
        return name;
    }
}

package org.gridcase.worktime;

/** An entry of the holiday arrangement: a day off, or a weekend day worked instead (调休上班). */
public enum DayKind {
    HOLIDAY("放假"),
    WORKDAY("调休上班");

    private final String label;

    DayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

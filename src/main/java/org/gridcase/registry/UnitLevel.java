package org.gridcase.registry;

/**
 * The levels of the administrative tree. Codes follow CJ/T 349: a county code of 6 digits, then 3 digits per
 * level below it, so a unit's code starts with its parent's.
 */
public enum UnitLevel {
    DISTRICT("区", 6),
    STREET("街道", 9),
    COMMUNITY("社区", 12),
    GRID("网格", 15);

    private final String label;
    private final int codeLength;

    UnitLevel(String label, int codeLength) {
        this.label = label;
        this.codeLength = codeLength;
    }

    public String label() {
        return label;
    }

    int codeLength() {
        return codeLength;
    }

    /** The level a parent of this level must have; none for a district. */
    UnitLevel parentLevel() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }
}

package org.gridcase.registry;

/** What sort of outside body (社会单位) a party is: the programmes' parties to disputes and meetings. */
public enum OutsideBodyKind {
    PROPERTY_COMPANY("物业公司"),
    BUS_COMPANY("公交公司"),
    UTILITY("供水/供电/燃气企业"),
    SOCIAL_ORGANISATION("社会组织"),
    OTHER("其他");

    private final String label;

    OutsideBodyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

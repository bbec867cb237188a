package org.gridcase.registry;

/** What a member of staff does, and so where in the registry they must be attached. */
public enum StaffRole {
    GRID_WORKER("网格员", UnitLevel.GRID),
    GRID_LEADER("网格长", UnitLevel.GRID),
    COMMUNITY_STAFF("社区工作人员", UnitLevel.COMMUNITY),
    STREET_DISPATCHER("街道调度员", UnitLevel.STREET),
    DEPARTMENT_STAFF("部门工作人员", null),
    DISTRICT_SUPERVISOR("区督办人员", UnitLevel.DISTRICT),
    AUDITOR("审计人员", UnitLevel.DISTRICT),
    HOTLINE_OPERATOR("12345 热线坐席", UnitLevel.DISTRICT),
    ADMINISTRATOR("系统管理员", UnitLevel.DISTRICT);

    private final String label;
    private final UnitLevel unitLevel;

    StaffRole(String label, UnitLevel unitLevel) {
        this.label = label;
        this.unitLevel = unitLevel;
    }

    public String label() {
        return label;
    }

    /** The level of unit this role is attached to; null when it belongs to a department instead. */
    public UnitLevel unitLevel() {
        return unitLevel;
    }

    public boolean belongsToDepartment() {
        return unitLevel == null;
    }
}

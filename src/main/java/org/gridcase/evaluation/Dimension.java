package org.gridcase.evaluation;

/**
 * What figures can be broken down by. Fixed SQL over the facts ({@code f} = case_fact; {@code d} the summonses of
 * a case, one row per case and department in that role). Departments are lead and assisting separately: a case
 * counts for its lead department (and a check-in for the department summoned as lead), and separately for each
 * department that assisted.
 */
public enum Dimension {
    DISTRICT("区", "f.district_code"),
    STREET("街道", "f.street_code"),
    COMMUNITY("社区", "f.community_code"),
    GRID("网格", "f.grid_code"),
    CATEGORY_GROUP("一级类别", "f.category_group"),
    CATEGORY("二级类别", "f.category"),
    CHANNEL("渠道", "f.channel"),
    LEAD_DEPARTMENT("主办部门", "d.department_code"),
    ASSISTING_DEPARTMENT("协办部门", "d.department_code"),
    /** The mediation team (调解组织) of a dispute; only mediated cases have one, so only they are counted. */
    MEDIATOR("调解组织", "m.mediator");

    private final String label;
    final String column;

    Dimension(String label, String column) {
        this.label = label;
        this.column = column;
    }

    public String label() {
        return label;
    }

    boolean byDepartment() {
        return this == LEAD_DEPARTMENT || this == ASSISTING_DEPARTMENT;
    }

    boolean lead() {
        return this == LEAD_DEPARTMENT;
    }
}

package org.gridcase.registry;

/** A district department, or an outside body (bus company, property company) summoned the same way. */
public enum DepartmentKind {
    DEPARTMENT("职能部门"),
    OUTSIDE_BODY("社会单位");

    private final String label;

    DepartmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

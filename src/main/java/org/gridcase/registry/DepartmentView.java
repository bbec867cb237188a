package org.gridcase.registry;

import java.util.SortedSet;

/** A department as the API shows it; {@code categories} are the category codes it answers for,
 * {@code robots} its duty group's robots (administrators only); {@code bodyKind} an outside body's sort;
 * {@code active} false: no longer offered for new summons, invitations or commitments. */
public record DepartmentView(String code, String name, DepartmentKind kind, String kindLabel,
        OutsideBodyKind bodyKind, String bodyKindLabel, boolean active, String phone, SortedSet<String> categories,
        DutyRobotsView robots) {

    /** Without the robots' addresses: what those who are not administrators see. */
    DepartmentView withoutRobots() {
        return new DepartmentView(code, name, kind, kindLabel, bodyKind, bodyKindLabel, active, phone, categories,
                null);
    }
}

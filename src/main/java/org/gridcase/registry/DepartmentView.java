package org.gridcase.registry;

import java.util.SortedSet;

/** A department as the API shows it; {@code categories} are the category codes it answers for. */
public record DepartmentView(String code, String name, DepartmentKind kind, String kindLabel, String phone,
        SortedSet<String> categories) {
}

package org.gridcase.registry;

/** A department was created or changed. Published inside the changing transaction. */
public record DepartmentChanged(String code) {
}

package org.gridcase.registry;

/** A unit was created or changed. Published inside the changing transaction. */
public record UnitChanged(String code) {
}

package org.gridcase.registry;

/** A unit or department named by its code and its name, as other modules and API clients see it. */
public record UnitRef(String code, String name) {
}

package org.gridcase.registry;

/** A unit as the API shows it. {@code boundary} is WKT (longitude latitude) for grids, null otherwise. */
public record UnitView(String code, UnitLevel level, String levelLabel, String name, String parentCode,
        String boundary) {
}

package org.gridcase.registry;

/**
 * A unit as the API shows it. {@code boundary} is WKT (longitude latitude) for grids, null otherwise;
 * {@code casePrefix} starts the case numbers of a street (or of a district, for cases not yet placed); {@code robots}
 * its duty group's robots (administrators only).
 */
public record UnitView(String code, UnitLevel level, String levelLabel, String name, String parentCode,
        String boundary, String casePrefix, DutyRobotsView robots) {

    /** Without the robots' addresses: what those who are not administrators see. */
    UnitView withoutRobots() {
        return new UnitView(code, level, levelLabel, name, parentCode, boundary, casePrefix, null);
    }
}

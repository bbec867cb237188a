package org.gridcase.registry;

/** Where a report belongs: its grid and the community, street and district above it. */
public record GridPlacement(UnitRef grid, UnitRef community, UnitRef street, UnitRef district) {
}

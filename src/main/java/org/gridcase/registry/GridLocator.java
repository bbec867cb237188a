package org.gridcase.registry;

import java.util.Optional;

import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places a point or a grid code in the administrative tree.
 *
 * <p>The database narrows the grids to those whose bounding box holds the point (an index on the box
 * columns), JTS then decides exactly. A point on a border shared by several grids belongs to the grid with the
 * lowest code: a rule that is the same on every node and after every restart, so a case never changes grid
 * when it is located again.
 */
@Service
@Transactional(readOnly = true)
public class GridLocator {

    private final UnitRepository units;

    GridLocator(UnitRepository units) {
        this.units = units;
    }

    public Optional<GridPlacement> locate(double lat, double lon) {
        Point point = GridBoundaries.point(lat, lon);
        return units.findGridCandidates(lat, lon).stream()
                .filter(grid -> GridBoundaries.read(grid.boundary()).covers(point))
                .findFirst()
                .map(this::placementOf);
    }

    public Optional<GridPlacement> placeGrid(String gridCode) {
        return units.findById(gridCode)
                .filter(unit -> unit.level() == UnitLevel.GRID)
                .map(this::placementOf);
    }

    private GridPlacement placementOf(Unit grid) {
        Unit community = parentOf(grid);
        Unit street = parentOf(community);
        Unit district = parentOf(street);
        return new GridPlacement(grid.ref(), community.ref(), street.ref(), district.ref());
    }

    private Unit parentOf(Unit unit) {
        return units.findById(unit.parentCode()).orElseThrow(
                () -> new IllegalStateException("Unit " + unit.code() + " has no parent " + unit.parentCode()));
    }
}

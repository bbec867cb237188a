package org.gridcase.workbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.gridcase.registry.UnitView;
import org.gridcase.system.Caller;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.stereotype.Component;

/**
 * The grids as the map draws them: the registry's WKT boundaries (x = longitude) as Leaflet's [lat, lon] pairs,
 * with a point inside each for its name and for cases that have no coordinates of their own.
 */
@Component
class MapShapes {

    /** A grid: its outline as [lat, lon] pairs, and a point inside it ([lat, lon]) for its label. */
    record GridShape(String code, String name, String communityName, String streetCode, String streetName,
            List<double[]> outline, double[] labelAt) {
    }

    private final UnitService units;
    private final GeometryFactory geometry = new GeometryFactory();

    MapShapes(UnitService units) {
        this.units = units;
    }

    /**
     * The caller's grids: those of the grids, communities and streets the caller belongs to; the whole district's
     * for those who work across it (departments, the hotline, supervisors, leaders).
     */
    List<GridShape> gridsOf(Caller caller) {
        List<String> own = new ArrayList<>();
        for (UnitLevel level : List.of(UnitLevel.GRID, UnitLevel.COMMUNITY, UnitLevel.STREET)) {
            own.addAll(CamundaGroups.unitCodes(level, caller.groups()));
        }
        Map<String, String> names = new HashMap<>();
        units.list(null, null).forEach(unit -> names.put(unit.code(), unit.name()));
        List<GridShape> shapes = new ArrayList<>();
        for (UnitView grid : units.list(UnitLevel.GRID, null)) {
            // unit codes nest: a grid's code starts with its community's, which starts with its street's
            if (grid.boundary() == null || !own.isEmpty() && own.stream().noneMatch(grid.code()::startsWith)) {
                continue;
            }
            Polygon polygon = polygon(grid.boundary());
            if (polygon == null) {
                continue;
            }
            Point inside = polygon.getInteriorPoint();
            String street = grid.code().substring(0, 9);
            shapes.add(new GridShape(grid.code(), grid.name(), names.get(grid.parentCode()), street,
                    names.get(street), Arrays.stream(polygon.getExteriorRing().getCoordinates())
                            .map(c -> new double[] {c.y, c.x}).toList(),
                    new double[] {inside.getY(), inside.getX()}));
        }
        return shapes;
    }

    /** Where to put a case without coordinates of its own: inside its grid, by grid code. */
    static Map<String, double[]> labelPoints(List<GridShape> grids) {
        Map<String, double[]> points = new HashMap<>();
        grids.forEach(grid -> points.put(grid.code(), grid.labelAt()));
        return points;
    }

    private Polygon polygon(String wkt) {
        try {
            Geometry read = new WKTReader(geometry).read(wkt);
            return read instanceof Polygon polygon ? polygon : null;
        } catch (ParseException notWkt) {
            return null; // the registry checks boundaries when they are written; a bad one is left off the map
        }
    }

}

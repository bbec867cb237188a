package org.gridcase.workbench;

import java.util.ArrayList;
import java.util.List;

import org.gridcase.registry.UnitService;
import org.gridcase.system.NotFoundException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.stereotype.Component;

/** A grid's boundary from the registry (WKT, longitude first) as the [lat, lon] points Leaflet draws. */
@Component
class GridOutlines {

    private final UnitService units;

    GridOutlines(UnitService units) {
        this.units = units;
    }

    List<double[]> of(String gridCode) {
        if (gridCode == null) {
            return List.of();
        }
        try {
            String wkt = units.get(gridCode).boundary();
            if (wkt == null) {
                return List.of();
            }
            Geometry boundary = new WKTReader().read(wkt);
            List<double[]> points = new ArrayList<>();
            for (Coordinate point : boundary.getCoordinates()) {
                points.add(new double[] {point.getY(), point.getX()});
            }
            return points;
        } catch (NotFoundException | ParseException unknown) {
            return List.of();
        }
    }
}

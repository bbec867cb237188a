package org.gridcase.registry;

import org.gridcase.system.InvalidRequestException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Reads and checks grid boundaries: WKT polygons in WGS 84, x = longitude and y = latitude. */
final class GridBoundaries {

    private static final int WGS84 = 4326;
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), WGS84);

    private GridBoundaries() {
    }

    static Point point(double lat, double lon) {
        return GEOMETRY.createPoint(new Coordinate(lon, lat));
    }

    /** Parses a stored boundary; stored boundaries were checked when they were written. */
    static Polygon read(String wkt) {
        try {
            return (Polygon) new WKTReader(GEOMETRY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored grid boundary is not WKT: " + wkt, e);
        }
    }

    /** Parses and checks a boundary sent by a client; the field is named in the error. */
    static Polygon parse(String field, String wkt) {
        Geometry geometry;
        try {
            geometry = new WKTReader(GEOMETRY).read(wkt);
        } catch (ParseException e) {
            throw new InvalidRequestException(field, "不是有效的 WKT：" + e.getMessage());
        }
        if (!(geometry instanceof Polygon polygon)) {
            throw new InvalidRequestException(field, "必须是 POLYGON，实际是 " + geometry.getGeometryType());
        }
        if (polygon.isEmpty() || !polygon.isValid()) {
            throw new InvalidRequestException(field, "多边形无效（自相交或未闭合）");
        }
        for (Coordinate c : polygon.getCoordinates()) {
            if (c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
                throw new InvalidRequestException(field,
                        "坐标超出范围（经度 -180 到 180，纬度 -90 到 90）：" + c.x + " " + c.y);
            }
        }
        return polygon;
    }
}

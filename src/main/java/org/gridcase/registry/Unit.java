package org.gridcase.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/** A district, street, community or grid. Only grids have a boundary. */
@Entity
@Table(name = "registry_unit")
class Unit {

    @Id
    private String code;

    @Enumerated(EnumType.STRING)
    private UnitLevel level;

    private String name;

    @Column(name = "parent_code")
    private String parentCode;

    /** WKT, longitude before latitude. */
    private String boundary;

    private Double minLon;
    private Double minLat;
    private Double maxLon;
    private Double maxLat;

    /** Streets (and districts, for cases not yet placed): the prefix of their case numbers, e.g. TM. */
    private String casePrefix;

    @Embedded
    private DutyRobots robots = new DutyRobots();

    @Version
    private long version;

    protected Unit() {
    }

    Unit(String code, UnitLevel level, String parentCode) {
        this.code = code;
        this.level = level;
        this.parentCode = parentCode;
    }

    void describe(String name, String casePrefix) {
        this.name = name;
        this.casePrefix = casePrefix;
    }

    /** Keeps the bounding box in step with the boundary: the database prefilters on it. */
    void redraw(Polygon polygon) {
        this.boundary = polygon.toText();
        Envelope box = polygon.getEnvelopeInternal();
        this.minLon = box.getMinX();
        this.minLat = box.getMinY();
        this.maxLon = box.getMaxX();
        this.maxLat = box.getMaxY();
    }

    String code() {
        return code;
    }

    UnitLevel level() {
        return level;
    }

    String name() {
        return name;
    }

    String parentCode() {
        return parentCode;
    }

    String boundary() {
        return boundary;
    }

    String casePrefix() {
        return casePrefix;
    }

    DutyRobots robots() {
        if (robots == null) { // Hibernate leaves an embeddable whose columns are all null as null
            robots = new DutyRobots();
        }
        return robots;
    }

    UnitView view() {
        return new UnitView(code, level, level.label(), name, parentCode, boundary, casePrefix, robots().view());
    }

    UnitRef ref() {
        return new UnitRef(code, name);
    }
}

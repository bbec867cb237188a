-- The grid registry: the administrative tree (district > street > community > grid), the departments and
-- outside bodies that are summoned, the staff attached to them, and the category catalogue.
-- Portable SQL: the same script runs on H2 (default profile) and PostgreSQL.

CREATE TABLE registry_unit (
    code        VARCHAR(20)  NOT NULL PRIMARY KEY, -- CJ/T 349 style: county(6) + street(3) + community(3) + grid(3)
    level       VARCHAR(16)  NOT NULL,             -- DISTRICT, STREET, COMMUNITY, GRID
    name        VARCHAR(100) NOT NULL,
    parent_code VARCHAR(20)  REFERENCES registry_unit (code),
    -- Grids only: the boundary as WKT in WGS 84 (x = longitude, y = latitude) and its bounding box, which
    -- lets the database prefilter candidates before the exact point-in-polygon test in JTS.
    boundary    VARCHAR,
    min_lon     DOUBLE PRECISION,
    min_lat     DOUBLE PRECISION,
    max_lon     DOUBLE PRECISION,
    max_lat     DOUBLE PRECISION,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT registry_unit_level_check CHECK (level IN ('DISTRICT', 'STREET', 'COMMUNITY', 'GRID')),
    CONSTRAINT registry_unit_boundary_check CHECK ((level = 'GRID') = (boundary IS NOT NULL))
);
CREATE INDEX registry_unit_parent_idx ON registry_unit (parent_code);
CREATE INDEX registry_unit_bbox_idx ON registry_unit (min_lon, max_lon, min_lat, max_lat);

CREATE TABLE registry_category (
    code            VARCHAR(64)  NOT NULL PRIMARY KEY, -- e.g. MUNICIPAL or MUNICIPAL.MANHOLE_COVER_MISSING
    name            VARCHAR(100) NOT NULL,
    parent_code     VARCHAR(64)  REFERENCES registry_category (code),
    default_urgency VARCHAR(16),                       -- ROUTINE, URGENT, EMERGENCY; set on leaf categories
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT registry_category_urgency_check CHECK (default_urgency IN ('ROUTINE', 'URGENT', 'EMERGENCY'))
);
CREATE INDEX registry_category_parent_idx ON registry_category (parent_code);

CREATE TABLE registry_department (
    code    VARCHAR(32)  NOT NULL PRIMARY KEY,
    name    VARCHAR(100) NOT NULL,
    kind    VARCHAR(16)  NOT NULL, -- DEPARTMENT (a district department) or OUTSIDE_BODY (bus company, property company ...)
    phone   VARCHAR(32),
    version BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT registry_department_kind_check CHECK (kind IN ('DEPARTMENT', 'OUTSIDE_BODY'))
);

-- The categories a department answers for.
CREATE TABLE registry_department_category (
    department_code VARCHAR(32) NOT NULL REFERENCES registry_department (code),
    category_code   VARCHAR(64) NOT NULL REFERENCES registry_category (code),
    PRIMARY KEY (department_code, category_code)
);

CREATE TABLE registry_staff (
    username        VARCHAR(64)  NOT NULL PRIMARY KEY, -- also the Camunda user id
    full_name       VARCHAR(100) NOT NULL,
    phone           VARCHAR(32),
    email           VARCHAR(254),
    role            VARCHAR(32)  NOT NULL,
    unit_code       VARCHAR(20)  REFERENCES registry_unit (code),
    department_code VARCHAR(32)  REFERENCES registry_department (code),
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    version         BIGINT       NOT NULL DEFAULT 0,
    -- Every member of staff belongs to exactly one unit or one department.
    CONSTRAINT registry_staff_attachment_check CHECK ((unit_code IS NULL) <> (department_code IS NULL))
);
CREATE INDEX registry_staff_unit_idx ON registry_staff (unit_code);
CREATE INDEX registry_staff_department_idx ON registry_staff (department_code);

package org.gridcase.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridcase.system.InvalidRequestException;
import org.junit.jupiter.api.Test;

class GridBoundariesTests {

    @Test
    void readsAPolygonWithLongitudeFirst() {
        var polygon = GridBoundaries.parse("boundary", TestDistrict.square(34.27, 108.90));

        assertThat(polygon.getEnvelopeInternal().getMinX()).isEqualTo(108.90);
        assertThat(polygon.getEnvelopeInternal().getMinY()).isEqualTo(34.27);
        assertThat(polygon.covers(GridBoundaries.point(34.275, 108.905))).isTrue();
    }

    @Test
    void rejectsTextThatIsNotWkt() {
        assertThatThrownBy(() -> GridBoundaries.parse("boundary", "a square near the park"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("boundary").hasMessageContaining("WKT");
    }

    @Test
    void rejectsGeometryThatIsNotAPolygon() {
        assertThatThrownBy(() -> GridBoundaries.parse("boundary", "POINT(108.9 34.27)"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("POLYGON");
    }

    @Test
    void rejectsASelfIntersectingPolygon() {
        String bowTie = "POLYGON((108.90 34.27, 108.91 34.28, 108.91 34.27, 108.90 34.28, 108.90 34.27))";
        assertThatThrownBy(() -> GridBoundaries.parse("boundary", bowTie))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("无效");
    }

    @Test
    void rejectsLatitudeAndLongitudeSwappedOutOfRange() {
        // latitude first by mistake: 108.9 is no latitude
        String swapped = "POLYGON((34.27 108.90, 34.28 108.90, 34.28 108.91, 34.27 108.91, 34.27 108.90))";
        assertThatThrownBy(() -> GridBoundaries.parse("boundary", swapped))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("超出范围");
    }
}

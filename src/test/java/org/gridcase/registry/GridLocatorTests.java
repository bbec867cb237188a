package org.gridcase.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridcase.PostgresTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GridLocatorTests {

    @Autowired
    GridLocator locator;

    @Autowired
    UnitService units;

    @Autowired
    DepartmentService departments;

    TestDistrict d;

    @BeforeAll
    void createDistrict() {
        d = TestDistrict.create(units, departments, "990101", 30.0, 100.0);
    }

    @Test
    void placesAPointInsideAGridWithItsCommunityStreetAndDistrict() {
        // when
        var placement = locator.locate(d.lat0() + 0.005, d.lon0() + 0.003);

        // then
        assertThat(placement).hasValueSatisfying(p -> {
            assertThat(p.grid().code()).isEqualTo(d.westGrid());
            assertThat(p.grid().name()).isEqualTo("西网格");
            assertThat(p.community().code()).isEqualTo(d.community());
            assertThat(p.street().code()).isEqualTo(d.street());
            assertThat(p.district().code()).isEqualTo(d.district());
        });
        assertThat(locator.locate(d.lat0() + 0.005, d.lon0() + 0.017))
                .hasValueSatisfying(p -> assertThat(p.grid().code()).isEqualTo(d.eastGrid()));
    }

    @Test
    void findsNothingOutsideEveryGrid() {
        assertThat(locator.locate(d.lat0() + 0.005, d.lon0() - 0.001)).isEmpty();
        // inside the bounding box of no grid, but also between boxes: north of both grids
        assertThat(locator.locate(d.lat0() + 0.0101, d.lon0() + 0.01)).isEmpty();
    }

    @Test
    void givesAPointOnASharedBorderToTheGridWithTheLowerCode() {
        // given: the west and east grids share the edge at lon0 + SIZE; west has the lower code
        double border = d.lon0() + TestDistrict.SIZE;

        // then: the same answer on the edge and on its end points, every time
        assertThat(locator.locate(d.lat0() + 0.005, border))
                .hasValueSatisfying(p -> assertThat(p.grid().code()).isEqualTo(d.westGrid()));
        assertThat(locator.locate(d.lat0(), border))
                .hasValueSatisfying(p -> assertThat(p.grid().code()).isEqualTo(d.westGrid()));
    }

    @Test
    void countsTheOuterBorderOfAGridAsInsideIt() {
        assertThat(locator.locate(d.lat0() + 0.005, d.lon0()))
                .hasValueSatisfying(p -> assertThat(p.grid().code()).isEqualTo(d.westGrid()));
    }

    @Test
    void placesAGridGivenByItsCode() {
        assertThat(locator.placeGrid(d.eastGrid()))
                .hasValueSatisfying(p -> assertThat(p.street().code()).isEqualTo(d.street()));
        assertThat(locator.placeGrid(d.community())).as("a community is not a grid").isEmpty();
        assertThat(locator.placeGrid("990101999999999")).isEmpty();
    }
}

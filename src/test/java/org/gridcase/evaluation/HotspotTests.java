package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.gridcase.PostgresTest;
import org.gridcase.evaluation.HotspotViews.Change;
import org.gridcase.evaluation.HotspotViews.Comparison;
import org.gridcase.evaluation.HotspotViews.Hotspot;
import org.gridcase.evaluation.HotspotViews.HotspotList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hotspots on hand-built facts (district 996602, October 2025), the numbers worked out here: three communities,
 * two in street S and one in street T; repeats, unresolved answers (部分解决 counts as unresolved), an open case
 * past its limit, volumes month by month; a street sees only its own communities; the before/after windows.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotTests {

    static final String DISTRICT = "996602";
    static final String STREET_S = "996602001";
    static final String STREET_T = "996602002";
    static final String C1 = "996602001001";
    static final String C2 = "996602001002";
    static final String C3 = "996602002001";

    @Autowired
    Evaluation evaluation;

    @Autowired
    Hotspots hotspots;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void facts() {
        jdbc.update("DELETE FROM checkin_fact WHERE case_number LIKE 'HS1-%'");
        jdbc.update("DELETE FROM case_fact WHERE case_number LIKE 'HS1-%'");
        FactRows rows = new FactRows(jdbc);
        // C1: four received in October, two of them repeats of H1; H2 answered 未解决, H3 部分解决; H4 open, its
        // limit long past; H5 received in September and closed solved in October
        rows.received("HS1-H1", STREET_S, "2025-10-02T09:00:00+08:00").in(C1)
                .closed("2025-10-04T09:00:00+08:00", true, "RESOLVED", "SATISFIED").insert();
        rows.received("HS1-H2", STREET_S, "2025-10-05T09:00:00+08:00").in(C1).repeats("HS1-H1")
                .closed("2025-10-08T09:00:00+08:00", true, "UNRESOLVED", "UNSATISFIED").insert();
        rows.received("HS1-H3", STREET_S, "2025-10-06T09:00:00+08:00").in(C1).repeats("HS1-H1")
                .closed("2025-10-09T09:00:00+08:00", true, "PARTIALLY", "BASICALLY_SATISFIED").insert();
        rows.received("HS1-H4", STREET_S, "2025-10-07T09:00:00+08:00").in(C1).dispatchedTo("chengguan")
                .due("2025-10-10T09:00:00+08:00").insert();
        rows.received("HS1-H5", STREET_S, "2025-09-20T09:00:00+08:00").in(C1)
                .closed("2025-10-03T09:00:00+08:00", true, "RESOLVED", "SATISFIED").insert();
        // C2: two received and solved in October; one in November 2024 (the trend's first month), one a day
        // before the trend begins
        rows.received("HS1-H6", STREET_S, "2025-10-10T09:00:00+08:00").in(C2)
                .closed("2025-10-11T09:00:00+08:00", true, "RESOLVED", "SATISFIED").insert();
        rows.received("HS1-H7", STREET_S, "2025-10-12T09:00:00+08:00").in(C2)
                .closed("2025-10-13T09:00:00+08:00", true, "RESOLVED", "SATISFIED").insert();
        rows.received("HS1-H8", STREET_S, "2024-11-05T09:00:00+08:00").in(C2).insert();
        rows.received("HS1-H9", STREET_S, "2024-10-31T09:00:00+08:00").in(C2).insert();
        // C3 in street T: three received, none closed: nothing answered, no share to show
        for (String n : List.of("HS1-H10", "HS1-H11", "HS1-H12")) {
            rows.received(n, STREET_T, "2025-10-15T09:00:00+08:00").in(C3).insert();
        }
    }

    @Test
    void ranksTheCommunitiesByVolumeWithRepeatsUnresolvedShareAndTrend() {
        HotspotList list = asSupervisor(() -> hotspots.list(Dimension.COMMUNITY, october(), district(), 100));

        assertThat(list.rows()).extracting(Hotspot::key).containsExactly(C1, C3, C2);
        assertThat(list.trendMonths()).hasSize(12).startsWith("2024-11-01").endsWith("2025-10-01");
        Hotspot c1 = list.rows().get(0);
        // received H1–H4; repeats H2 H3: 2 of 4; answered (closed in October) H1 H2 H3 H5, unresolved H2 H3
        assertThat(c1).extracting(Hotspot::received, Hotspot::repeats, Hotspot::repeatRate, Hotspot::unresolved,
                Hotspot::answered, Hotspot::unresolvedShare, Hotspot::overdueOpen)
                .containsExactly(4L, 2L, 50.0, 2L, 4L, 50.0, 1L);
        assertThat(c1.trend()).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 4L);
        Hotspot c3 = list.rows().get(1);
        assertThat(c3).extracting(Hotspot::received, Hotspot::answered, Hotspot::unresolvedShare)
                .containsExactly(3L, 0L, null);
        Hotspot c2 = list.rows().get(2);
        assertThat(c2).extracting(Hotspot::received, Hotspot::repeats, Hotspot::repeatRate, Hotspot::unresolvedShare,
                Hotspot::overdueOpen).containsExactly(2L, 0L, 0.0, 0.0, 0L);
        assertThat(c2.trend().get(0)).as("November 2024; H9 of 31 October is before the trend").isEqualTo(1L);
        assertThat(c2.trend().stream().mapToLong(Long::longValue).sum()).isEqualTo(3L);

        HotspotList top = asSupervisor(() -> hotspots.list(Dimension.COMMUNITY, october(), district(), 1));
        assertThat(top.total()).isEqualTo(3);
        assertThat(top.rows()).extracting(Hotspot::key).containsExactly(C1);
    }

    @Test
    void ranksGridsToo() {
        HotspotList grids = asSupervisor(() -> hotspots.list(Dimension.GRID, october(), district(), 100));
        assertThat(grids.rows()).extracting(Hotspot::key).containsExactly(C1 + "001", C3 + "001", C2 + "001");
        assertThat(grids.rows().get(0).received()).isEqualTo(4L);
    }

    @Test
    void aStreetSeesOnlyItsOwnCommunities() {
        HotspotList streetS = as("dispatcher.s", List.of("street-" + STREET_S),
                () -> hotspots.list(Dimension.COMMUNITY, october(), Filters.NONE, 100));
        assertThat(streetS.rows()).extracting(Hotspot::key).containsExactly(C1, C2);
        Comparison other = as("dispatcher.s", List.of("street-" + STREET_S),
                () -> hotspots.compare(C3, "2025-10-01", "2025-10-31"));
        assertThat(change(other, Measure.RECEIVED).after()).as("street T's community, asked for by S").isZero();
        HotspotList nobody = as("nobody", List.of(), () -> hotspots.list(Dimension.COMMUNITY, october(),
                Filters.NONE, 100));
        assertThat(nobody.rows()).isEmpty();
    }

    @Test
    void comparesACommunityBeforeAndAfterADateOverEqualWindows() {
        Comparison c1 = asSupervisor(() -> hotspots.compare(C1, "2025-10-01", "2025-10-31"));

        assertThat(c1.days()).isEqualTo(31);
        assertThat(c1.before().period().from()).isEqualTo("2025-08-31");
        assertThat(c1.before().period().to()).isEqualTo("2025-09-30");
        assertThat(c1.after().period().from()).isEqualTo("2025-10-01");
        assertThat(c1.after().period().to()).isEqualTo("2025-10-31");
        // before: H5 received (and closed, later): 1 of 1; after: H1–H4 received, H4 still open: 3 of 4
        assertThat(change(c1, Measure.RECEIVED)).extracting(Change::before, Change::after, Change::difference)
                .containsExactly(1.0, 4.0, 3.0);
        assertThat(change(c1, Measure.CLOSURE_RATE)).extracting(Change::before, Change::after, Change::difference)
                .containsExactly(100.0, 75.0, -25.0);
        // nothing closed before: no 解决率 to compare with, never a made-up zero
        assertThat(change(c1, Measure.SOLVED_RATE)).extracting(Change::before, Change::after, Change::difference)
                .containsExactly(null, 50.0, null);
        Figure solvedAfter = c1.after().figures().stream().filter(f -> f.measure() == Measure.SOLVED_RATE)
                .findFirst().orElseThrow();
        assertThat(solvedAfter).extracting(Figure::numerator, Figure::denominator).containsExactly(2L, 4L);
    }

    @Test
    void refusesWhatItCannotReadWithTheFieldNamed() {
        assertThatThrownBy(() -> Hotspots.level("STREET")).hasMessageStartingWith("level:");
        assertThatThrownBy(() -> hotspots.compare(null, "2025-10-01", null)).hasMessageStartingWith("unit:");
        assertThatThrownBy(() -> hotspots.compare(C1, null, null)).hasMessageStartingWith("from:");
        assertThatThrownBy(() -> hotspots.compare(C1, "2999-01-01", null)).hasMessageStartingWith("from:");
        assertThatThrownBy(() -> hotspots.compare(C1, "2025-10-01", "2025-09-01")).hasMessageStartingWith("to:");
        assertThatThrownBy(() -> hotspots.compare("12", "2025-10-01", null)).hasMessageStartingWith("unit:");
        assertThatThrownBy(() -> hotspots.list(Dimension.COMMUNITY, october(), district(), 0))
                .hasMessageStartingWith("limit:");
    }

    private static Change change(Comparison comparison, Measure m) {
        return comparison.changes().stream().filter(c -> c.measure() == m).findFirst().orElseThrow();
    }

    private Period october() {
        return evaluation.period("MONTH", "2025-10-15", null, null);
    }

    private static Filters district() {
        return new Filters(DISTRICT, null, null, null);
    }

    private <T> T asSupervisor(Supplier<T> query) {
        return as("test.supervisor", List.of("supervisors"), query);
    }

    private <T> T as(String user, List<String> groups, Supplier<T> query) {
        identity.setAuthentication(user, groups);
        try {
            return query.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}

package org.gridcase.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseSearch;
import org.gridcase.casework.CaseStatus;
import org.gridcase.registry.Urgency;
import org.gridcase.system.Caller;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/** The open cases on the map: the caller's (CaseQueries scopes them), as points coloured by how they stand. */
@Service
class MapCases {

    /** A map is for the eye: beyond this many points it says so. */
    static final int MAX_POINTS = 500;

    /**
     * A case on the map. {@code approximate}: the report had no coordinates, so the point is inside its grid;
     * {@code tone}: red overdue, orange emergency, blue handling, grey waiting (received, whistle, check-in).
     */
    record MapCase(String caseNumber, String categoryName, String status, String statusLabel, String address,
            boolean emergency, boolean overdue, String tone, double lat, double lon, boolean approximate) {
    }

    record MapCasesPage(List<MapCase> cases, long total, int shown, int withoutPlace) {
    }

    private final CaseQueries cases;
    private final MapShapes shapes;

    MapCases(CaseQueries cases, MapShapes shapes) {
        this.cases = cases;
        this.shapes = shapes;
    }

    MapCasesPage find(String category, CaseStatus status, String street, boolean overdueOnly,
            boolean emergencyOnly) {
        CaseSearch.More more = new CaseSearch.More(category, street, null, null, true,
                emergencyOnly ? Urgency.EMERGENCY : null, null, overdueOnly, false, false, true, null);
        Page<CaseDetails> found = cases.search(new CaseSearch(status, null, null, null, null, null, Set.of(), more),
                PageRequest.of(0, MAX_POINTS));
        Map<String, double[]> gridPoints = MapShapes.labelPoints(shapes.gridsOf(Caller.NOBODY));
        var now = BoardCases.now();
        List<MapCase> points = new ArrayList<>();
        int withoutPlace = 0;
        for (CaseDetails c : found.getContent()) {
            boolean approximate = c.lat() == null || c.lon() == null;
            double[] at = approximate ? gridPoints.get(c.gridCode()) : new double[] {c.lat(), c.lon()};
            if (at == null) {
                withoutPlace++;
                continue;
            }
            // red as the 已超时 filter finds it: a whistle, placement, response, return visit or session past its limit too
            boolean overdue = BoardCases.overdue(c, now);
            boolean emergency = c.urgency() == Urgency.EMERGENCY;
            String tone = overdue ? "red" : emergency ? "orange"
                    : CaseStatus.UNDER_HANDLING.contains(c.status()) ? "blue" : "grey";
            points.add(new MapCase(c.caseNumber(), c.categoryName(), c.status().name(), c.statusLabel(),
                    c.address(), emergency, overdue, tone, at[0], at[1], approximate));
        }
        return new MapCasesPage(points, found.getTotalElements(), points.size(), withoutPlace);
    }
}

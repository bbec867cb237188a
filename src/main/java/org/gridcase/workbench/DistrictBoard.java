package org.gridcase.workbench;

import java.time.Instant;
import java.util.List;

/**
 * The district board: open emergencies, everything overdue now, and red-carded open cases, with counts per street
 * and per department. {@code truncated}: one of the three lists had more cases than the board shows.
 */
record DistrictBoard(Instant updatedAt, int emergencies, int overdue, int redCarded, List<BoardCase> cases,
        List<Count> byStreet, List<Count> byDepartment, boolean truncated) {

    /**
     * One street's or department's share: its open emergencies, its overdue cases (for a department: its own
     * check-in overdue, or handling it leads), and red cards (for a department: those given to it).
     */
    record Count(String code, String name, int emergencies, int overdue, int redCards) {
    }
}

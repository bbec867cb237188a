package org.gridcase.workbench;

import java.time.Instant;

import org.gridcase.casework.CaseDetails;

/**
 * A summoned department's check-in as a light on the boards. Green: checked in by its deadline. Yellow: not yet,
 * and the escalation ladder's warning has fallen (EscalationLadder.dmn's share of the limit). Red: checked in
 * late, or not yet and past the deadline (counted from the deadline now, not from the late flag the timer sets,
 * so a board shows it at once). None: not yet, before the warning.
 */
enum CheckInLight {
    GREEN("已按时报到"),
    YELLOW("即将超时"),
    RED("报到超时"),
    NONE("待报到");

    private final String label;

    CheckInLight(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static CheckInLight of(CaseDetails.Department department, Instant warnAt, Instant now) {
        Instant due = department.checkInDue();
        if (department.checkedInAt() != null) {
            boolean late = department.late() || due != null && department.checkedInAt().isAfter(due);
            return late ? RED : GREEN;
        }
        if (department.late() || due != null && due.isBefore(now)) {
            return RED;
        }
        return warnAt != null && !warnAt.isAfter(now) ? YELLOW : NONE;
    }
}

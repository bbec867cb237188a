package org.gridcase.workbench;

import java.time.Instant;
import java.util.List;

/**
 * A case on a board: where it stands, its next deadline with the time left (working time, or the clock for limits
 * on the clock such as emergencies'), each summoned department with its check-in light, and why it is on the
 * district board ({@code reasons}: 应急, 报到超时, 处置超时, 红牌).
 */
record BoardCase(String caseNumber, String categoryName, String address, String gridName, String streetCode,
        String streetName, String status, String statusLabel, boolean emergency, String urgencyLabel,
        Instant receivedAt, Instant deadline, String timeLeft, boolean workingTime, boolean overdue,
        List<BoardDepartment> departments, List<CaseFlags.Badge> flags, List<String> reasons) {

    /**
     * A summoned department: 主办 (lead) or 协办; its light (GREEN, YELLOW, RED, NONE) with the words for it; its
     * check-in deadline, when the ladder's warning falls, and the time left while it has not checked in.
     */
    record BoardDepartment(String code, String name, boolean lead, String role, String light, String lightLabel,
            Instant checkInDue, Instant warnAt, Instant checkedInAt, String checkedInBy, String timeLeft) {
    }
}

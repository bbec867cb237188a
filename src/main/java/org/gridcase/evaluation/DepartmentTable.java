package org.gridcase.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * 协调响应评价 for one month: lead and assisting departments in tables of their own, each with its 红黑榜 (the
 * three best and the three worst ranked; a department below the minimum sample is listed, never ranked).
 * {@code frozen}: an administrator closed the month and these are the stored figures, whatever happened to the
 * cases since; otherwise they are computed now under the current settings.
 */
public record DepartmentTable(String month, boolean frozen, String closedBy, Instant closedAt,
        EvaluationSettings settings, List<DepartmentRow> lead, List<DepartmentRow> assisting,
        List<DepartmentRow> leadRedList, List<DepartmentRow> leadBlackList, List<DepartmentRow> assistingRedList,
        List<DepartmentRow> assistingBlackList) {

    /** One close or recomputation of a month: who, when, why. */
    public record LogEntry(String month, String action, String actedBy, Instant actedAt, String reason) {
    }
}

package org.gridcase.casework;

/** What auditors look for in a case's history. */
public enum CaseFlag {
    /** Reached the escalation rung (or a red card) of any stage. */
    ESCALATED,
    /** A department checked in late, or handling ended (or still runs) past its deadline. */
    OVERDUE,
    /** Reopened after an unsatisfactory return visit. */
    REOPENED,
    /** Returned by a department as not its responsibility. */
    RETURNED
}

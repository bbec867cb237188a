package org.gridcase.casework;

import java.time.Instant;
import java.util.Set;

import org.gridcase.registry.Urgency;

/**
 * What staff and auditors filter cases by; every part may be null or empty (not filtered). {@code to} is
 * exclusive; {@code number} is a whole number, or the start of numbers (e.g. {@code TM-20251009}); every flag given must
 * hold. {@code more} narrows further, as the workbench's case list does.
 */
public record CaseSearch(CaseStatus status, String streetCode, Instant from, Instant to, String number,
        String departmentCode, Set<CaseFlag> flags, More more) {

    public CaseSearch {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        more = more == null ? More.NONE : more;
    }

    public CaseSearch(CaseStatus status, String streetCode, Instant from, Instant to, String number,
            String departmentCode, Set<CaseFlag> flags) {
        this(status, streetCode, from, to, number, departmentCode, flags, More.NONE);
    }

    public static CaseSearch forStaff(CaseStatus status, String streetCode, Instant from, Instant to) {
        return new CaseSearch(status, streetCode, from, to, null, null, Set.of());
    }

    /**
     * The workbench's criteria. {@code unitCode}: a grid, community or street (by the length of its code);
     * {@code addressText}: contained in the address; {@code reporterPhone}: the whole number, matched only in
     * cases whose phone the caller may see (CaseAccess.callsBack), so a search never tells whose number a masked
     * case has; {@code open}: not closed; {@code dueBefore}: the whistle's or placement's limit, a handling deadline,
     * an outstanding check-in or an open return visit or mediation session falls between now and then;
     * {@code overdueNow}: the whistle or the placement by hand the case waits for, an outstanding check-in, the
     * handling, the return visit or a mediation session is past its deadline now
     * (unlike the flag OVERDUE, which also finds cases that were late once); {@code actedByCaller}: the caller
     * completed one of the case's tasks (CaseActors), checked it in or opened it; {@code openedByCaller}:
     * the caller opened it; {@code byDeadline}: open cases first, the soonest deadline first, instead of the page's
     * own order; {@code leadDepartment}: the department that leads the handling (a department's "what do we lead").
     */
    public record More(String category, String unitCode, String addressText, String reporterPhone, boolean open,
            Urgency urgency, Instant dueBefore, boolean overdueNow, boolean actedByCaller, boolean openedByCaller,
            boolean byDeadline, String leadDepartment) {

        public static final More NONE = new More(null, null, null, null, false, null, null, false, false, false, false,
                null);
    }
}

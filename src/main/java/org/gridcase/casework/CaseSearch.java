package org.gridcase.casework;

import java.time.Instant;
import java.util.Set;

/**
 * What staff and auditors filter cases by; every part may be null or empty (not filtered). {@code to} is
 * exclusive; {@code number} matches a prefix (a whole number, or e.g. {@code TM-20251009}); every flag given must
 * hold.
 */
public record CaseSearch(CaseStatus status, String streetCode, Instant from, Instant to, String number,
        String departmentCode, Set<CaseFlag> flags) {

    public CaseSearch {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    public static CaseSearch forStaff(CaseStatus status, String streetCode, Instant from, Instant to) {
        return new CaseSearch(status, streetCode, from, to, null, null, Set.of());
    }
}

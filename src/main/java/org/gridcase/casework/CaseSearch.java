package org.gridcase.casework;

import java.time.Instant;

/** What staff filter cases by; every part may be null (not filtered). {@code to} is exclusive. */
public record CaseSearch(CaseStatus status, String streetCode, Instant from, Instant to) {
}

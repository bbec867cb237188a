package org.gridcase.audit;

import java.util.List;

/** A page of search results; {@code page} counts from 0; times are to be shown in {@code timeZone}. */
record AuditCasePage(List<AuditCaseSummary> content, int page, int size, long totalElements, int totalPages,
        String timeZone) {
}

package org.gridcase.audit;

import java.util.List;

/** A page of search results. */
record AuditCasePage(List<AuditCaseSummary> content, int page, int size, long totalElements, int totalPages) {
}

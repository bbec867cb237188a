package org.gridcase.workbench;

import java.util.List;

/** A page of the case list, with the counts for paging. */
record CaseListPage(List<CaseRow> items, int page, int size, long total, int totalPages) {
}

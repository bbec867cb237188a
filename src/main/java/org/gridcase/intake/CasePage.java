package org.gridcase.intake;

import java.util.List;

import org.springframework.data.domain.Page;

/** A page of the case list, with what a client needs to page on. */
record CasePage(List<CaseSummary> content, int page, int size, long totalElements, int totalPages) {

    static CasePage of(Page<CaseSummary> page) {
        return new CasePage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }
}

package org.gridcase.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address of a case's page in the workbench, for robots and emails: {@code gridcase.notification.link-base-url},
 * or else where residents reach gridcase ({@code gridcase.resident.public-base-url}); none when neither is set.
 */
@Component
class CaseLinks {

    private final String base;

    CaseLinks(@Value("${gridcase.notification.link-base-url:}") String own,
            @Value("${gridcase.resident.public-base-url:}") String resident) {
        String chosen = own == null || own.isBlank() ? resident : own;
        this.base = chosen == null || chosen.isBlank() ? null : chosen.replaceAll("/+$", "");
    }

    /** The case page's address, or null (no base configured, or no case). */
    String of(String caseNumber) {
        return base == null || caseNumber == null ? null : base + "/workbench/case.html?n=" + caseNumber;
    }
}

package org.gridcase.casework;

import java.time.Instant;
import java.util.List;

/**
 * A case as anyone may see it (Open311's public request view): what was reported, where, and how it stands. No
 * reporter's name or phone, no staff names, no notes: a type of its own, so that a public view cannot show them
 * by mistake. {@code leadDepartment} is a code; {@code updatedAt} the last change of stage.
 */
public record PublicCase(String caseNumber, CaseStatus status, String statusLabel, String category,
        String categoryName, String description, String address, Double lat, Double lon, String leadDepartment,
        Instant receivedAt, Instant updatedAt, Instant handlingDue, Instant closedAt, List<String> photoLinks) {

    static PublicCase of(CaseDetails c) {
        Instant updated = c.stages().isEmpty() ? c.receivedAt() : c.stages().get(c.stages().size() - 1).enteredAt();
        return new PublicCase(c.caseNumber(), c.status(), c.statusLabel(), c.category(), c.categoryName(),
                c.description(), c.address(), c.lat(), c.lon(), c.leadDepartment(), c.receivedAt(), updated,
                c.handlingDue(), c.closedAt(), c.photoLinks());
    }

    /**
     * Which public cases to list: of one channel; any of {@code numbers} (then nothing else counts), else of the
     * categories (any when empty), received in [from, to), open, closed or both (null).
     */
    public record Search(Channel channel, List<String> numbers, List<String> categories, Instant from, Instant to,
            Boolean closed) {
    }
}

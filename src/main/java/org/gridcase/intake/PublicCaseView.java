package org.gridcase.intake;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.gridcase.casework.CaseDetails;

/**
 * A case as its reporter (or anyone holding its tracking link) may see it: what was reported and how it is
 * going. No staff names or phone numbers; the reporter's phone as CaseQueries gave it (masked on the tracking
 * link, and for staff who do not call the reporter back).
 */
record PublicCaseView(String caseNumber, String status, String statusLabel, String categoryName,
        String description, String address, String channel, String reporterPhone, List<String> photoLinks,
        Instant receivedAt, Instant handlingDue, Instant closedAt, String resolution, String satisfaction,
        String ratedBy, boolean canRate, int reopenCount, List<Stage> stages, List<Department> departments) {

    record Stage(String status, String label, Instant enteredAt) {
    }

    record Department(String code, String name, boolean lead, Instant checkInDue, Instant checkedInAt,
            boolean late) {
    }

    /** {@code canRate}: the reporter may rate the result now (POST /api/cases/{n}/rating). */
    static PublicCaseView of(CaseDetails c, UnaryOperator<String> departmentName, boolean canRate) {
        return new PublicCaseView(c.caseNumber(), c.status().name(), c.statusLabel(), c.categoryName(),
                c.description(), c.address(), c.channel().label(), c.reporterPhone(), c.photoLinks(),
                c.receivedAt(), c.handlingDue(), c.closedAt(), c.resolution(), c.satisfaction(), c.ratedBy(), canRate, c.reopenCount(),
                c.stages().stream().map(s -> new Stage(s.status().name(), s.label(), s.enteredAt())).toList(),
                c.departments().stream().map(d -> new Department(d.departmentCode(),
                        departmentName.apply(d.departmentCode()), d.lead(), d.checkInDue(), d.checkedInAt(), d.late()))
                        .toList());
    }
}

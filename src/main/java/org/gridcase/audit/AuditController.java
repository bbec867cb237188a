package org.gridcase.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** For auditors only (the auditors group): read-only views of a case's history. */
@RestController
class AuditController {

    private final CaseTimeline timeline;

    AuditController(CaseTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/api/audit/cases/{caseNumber}/timeline")
    List<TimelineEvent> timeline(@PathVariable("caseNumber") String caseNumber) {
        return timeline.of(caseNumber);
    }
}

package org.gridcase.audit;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** For auditors only (the auditors group): read-only views of a case's history. */
@RestController
class AuditController {

    private final CaseTimeline timeline;
    private final TimelineCsv csv;

    AuditController(CaseTimeline timeline, TimelineCsv csv) {
        this.timeline = timeline;
        this.csv = csv;
    }

    @GetMapping("/api/audit/cases/{caseNumber}/timeline")
    List<TimelineEvent> timeline(@PathVariable("caseNumber") String caseNumber) {
        return timeline.of(caseNumber);
    }

    /** The same events as CSV, to download and archive. */
    @GetMapping(value = "/api/audit/cases/{caseNumber}/timeline.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> timelineCsv(@PathVariable("caseNumber") String caseNumber) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(caseNumber + "-timeline.csv").build().toString())
                .body(csv.write(timeline.of(caseNumber)));
    }
}

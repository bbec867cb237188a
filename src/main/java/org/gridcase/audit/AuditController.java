package org.gridcase.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.gridcase.casework.CaseFlag;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseSearch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For auditors only (the auditors group): read-only views of a case's history. */
@Tag(name = "审计 · Audit", description = "Read-only history for auditors")
@RestController
class AuditController {

    private final CaseTimeline timeline;
    private final TimelineCsv csv;
    private final CaseQueries cases;
    private final HistoryIntegrity integrity;
    private final AuditNames names;
    private final ZoneId zone;

    AuditController(CaseTimeline timeline, TimelineCsv csv, CaseQueries cases, HistoryIntegrity integrity,
            AuditNames names, @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.timeline = timeline;
        this.csv = csv;
        this.cases = cases;
        this.integrity = integrity;
        this.names = names;
        this.zone = zone;
    }

    /** What the search form suggests: the streets and departments by name. */
    @Operation(summary = "检索时可选的街道和部门 · The streets and departments to search by")
    @GetMapping("/api/audit/search-options")
    Map<String, List<String>> searchOptions() {
        return Map.of("streets", names.streetNames(), "departments", names.departmentNames());
    }

    /** The integrity check for every case received in a period (at most 1,000 cases a call). */
    @Operation(summary = "核验一段时间内的历史完整性 · Check the history's integrity over a period")
    @GetMapping("/api/audit/integrity")
    PeriodIntegrity integrity(@RequestParam("from") LocalDate from, @RequestParam("to") LocalDate to) {
        CaseSearch period = new CaseSearch(null, null, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), null, null, Set.of());
        List<IntegrityReport> reports = cases.search(period, PageRequest.of(0, 1000, Sort.by("receivedAt")))
                .map(found -> integrity.check(found.caseNumber())).getContent();
        List<IntegrityReport> broken = reports.stream().filter(report -> !report.intact()).toList();
        return new PeriodIntegrity(from, to, reports.size(), reports.size() - broken.size(), broken);
    }

    /** Whether the case's recorded history fits the model it ran on, and what does not. */
    @Operation(summary = "核验一个工单的历史完整性 · Check one case's history")
    @GetMapping("/api/audit/cases/{caseNumber}/integrity")
    IntegrityReport integrity(@PathVariable("caseNumber") String caseNumber) {
        return integrity.check(caseNumber);
    }

    /**
     * Cases by number (or its start), street, summoned department, period received, and flags that must all hold.
     * A street or department may be given by its code or by (a part of) its name, as long as that names one.
     */
    @Operation(summary = "检索工单（审计） · Search cases (audit)")
    @GetMapping("/api/audit/cases")
    AuditCasePage search(@RequestParam(name = "number", required = false) String number,
            @RequestParam(name = "street", required = false) String street,
            @RequestParam(name = "department", required = false) String department,
            @RequestParam(name = "from", required = false) LocalDate from,
            @RequestParam(name = "to", required = false) LocalDate to,
            @RequestParam(name = "flag", required = false) Set<CaseFlag> flags,
            @RequestParam(name = "page", defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(value = 1, message = "不能小于 1")
            @Max(value = 100, message = "不能大于 100") int size) {
        CaseSearch search = new CaseSearch(null, names.streetCode(street),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), number,
                names.departmentCode(department), flags);
        AuditNames.Memo shown = names.memo(); // a page's cases share their streets and departments
        Page<AuditCaseSummary> found = cases.search(search,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "receivedAt")))
                .map(c -> AuditCaseSummary.of(c, shown));
        return new AuditCasePage(found.getContent(), found.getNumber(), found.getSize(), found.getTotalElements(),
                found.getTotalPages(), zone.getId());
    }

    @Operation(summary = "工单时间线 · A case's timeline")
    @GetMapping("/api/audit/cases/{caseNumber}/timeline")
    List<TimelineEvent> timeline(@PathVariable("caseNumber") String caseNumber) {
        return timeline.of(caseNumber);
    }

    /** The same events as a JSON file, to download and archive. */
    @Operation(summary = "下载时间线（JSON） · Download the timeline (JSON)")
    @GetMapping(value = "/api/audit/cases/{caseNumber}/timeline.json", produces = "application/json")
    ResponseEntity<List<TimelineEvent>> timelineJson(@PathVariable("caseNumber") String caseNumber) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(caseNumber + "-timeline.json").build().toString())
                .body(timeline.of(caseNumber));
    }

    /** The same events as CSV, to download and archive. */
    @Operation(summary = "下载时间线（CSV） · Download the timeline (CSV)")
    @GetMapping(value = "/api/audit/cases/{caseNumber}/timeline.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> timelineCsv(@PathVariable("caseNumber") String caseNumber) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(caseNumber + "-timeline.csv").build().toString())
                .body(csv.write(timeline.of(caseNumber)));
    }
}

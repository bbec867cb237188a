package org.gridcase.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The replay page's data, the diagram, and the printable report; auditors only, like everything under /api/audit. */
@Tag(name = "审计 · Audit")
@RestController
class ReplayController {

    private final CaseReplay replay;
    private final CaseReportPdf report;

    ReplayController(CaseReplay replay, CaseReportPdf report) {
        this.replay = replay;
        this.report = report;
    }

    @Operation(summary = "回放工单的全部步骤 · Replay a case step by step")
    @GetMapping("/api/audit/cases/{caseNumber}/replay")
    Replay replay(@PathVariable("caseNumber") String caseNumber) {
        return replay.of(caseNumber);
    }

    /** The case as it stood after step {@code step} (from 0) of its timeline. */
    @Operation(summary = "回放中的一步 · One step of the replay")
    @GetMapping("/api/audit/cases/{caseNumber}/replay/steps/{step}")
    ReplayState step(@PathVariable("caseNumber") String caseNumber, @PathVariable("step") int step) {
        return replay.at(caseNumber, step);
    }

    /** The exact version's diagram with the whole path, or with the path and position after a step. */
    @Operation(summary = "流程图（SVG，标出走过的路径） · The process diagram with the path taken (SVG)")
    @GetMapping(value = "/api/audit/cases/{caseNumber}/diagram.svg", produces = "image/svg+xml;charset=UTF-8")
    String diagram(@PathVariable("caseNumber") String caseNumber,
            @RequestParam(name = "step", required = false) Integer step) {
        return replay.diagram(caseNumber, step);
    }

    @Operation(summary = "工单审计报告（PDF） · The case's audit report (PDF)")
    @GetMapping("/api/audit/cases/{caseNumber}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable("caseNumber") String caseNumber) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(caseNumber + "-report.pdf").build().toString())
                .body(report.render(caseNumber));
    }
}

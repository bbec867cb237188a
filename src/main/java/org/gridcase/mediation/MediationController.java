package org.gridcase.mediation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcase.casework.CaseQueries;
import org.gridcase.system.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dispute's mediation: assessment, mediator, sessions, agreements and follow-up, and the latest agreement as a
 * PDF for signature. Who may see which case is casework's to say ({@link CaseQueries#find}): a case the caller
 * does not work on is not found. Everything is written by the process (the Tasklist forms), not through this API.
 */
@Tag(name = "工单 · Cases")
@RestController
@RequestMapping("/api/cases/{caseNumber}/mediation")
class MediationController {

    private final CaseQueries cases;
    private final MediationRecords records;
    private final AgreementPdf pdf;

    MediationController(CaseQueries cases, MediationRecords records, AgreementPdf pdf) {
        this.cases = cases;
        this.records = records;
        this.pdf = pdf;
    }

    @Operation(summary = "查看纠纷调解记录 · A dispute's mediation: assessment, sessions, agreements, follow-up")
    @GetMapping
    MediationView mediation(@PathVariable("caseNumber") String caseNumber) {
        return mediationOf(caseNumber);
    }

    @Operation(summary = "下载调解协议书 PDF · The latest mediation agreement as a PDF for signature")
    @GetMapping(value = "/agreement.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> agreement(@PathVariable("caseNumber") String caseNumber) {
        MediationView mediation = mediationOf(caseNumber);
        if (mediation.agreements().isEmpty()) {
            throw new NotFoundException("工单 " + caseNumber + " 尚未达成调解协议");
        }
        MediationView.Agreement latest = mediation.agreements().get(mediation.agreements().size() - 1);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("mediation-agreement-" + caseNumber + ".pdf").build().toString())
                .body(pdf.render(mediation, latest));
    }

    private MediationView mediationOf(String caseNumber) {
        if (cases.find(caseNumber).isEmpty()) {
            throw new NotFoundException("工单 " + caseNumber + " 不存在");
        }
        return records.of(caseNumber)
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 没有调解记录"));
    }
}

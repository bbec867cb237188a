package org.gridcase.intake;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseSearch;
import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.NewCase;
import org.gridcase.casework.RegisteredCase;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.gridcase.security.IntakeThrottle;
import org.gridcase.system.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/cases")
class IntakeController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final IdempotentIntake intake;
    private final CaseQueries cases;
    private final DepartmentService departments;
    private final ZoneId zone;
    private final IntakeThrottle throttle;

    IntakeController(IdempotentIntake intake, CaseQueries cases, DepartmentService departments,
            @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone, IntakeThrottle throttle) {
        this.intake = intake;
        this.cases = cases;
        this.departments = departments;
        this.zone = zone;
        this.throttle = throttle;
    }

    /** 201 with the new case; 200 with the same case when an Idempotency-Key is replayed. */
    @PostMapping
    ResponseEntity<OpenedCase> open(@RequestBody @Valid NewCase report,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
            @Size(min = 8, max = 100, message = "长度必须在 8 到 100 个字符之间") String idempotencyKey) {
        throttle.admit(report.reporterPhone(), () -> intake.alreadyOpened(idempotencyKey));
        IdempotentIntake.Outcome outcome = intake.open(report, idempotencyKey);
        RegisteredCase registered = outcome.registered();
        URI tracking = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/cases/{caseNumber}").queryParam("token", registered.trackingToken())
                .buildAndExpand(registered.caseNumber()).toUri();
        OpenedCase body = new OpenedCase(registered.caseNumber(), registered.status().name(),
                registered.status().label(), tracking.toString());
        return outcome.opened() ? ResponseEntity.created(tracking).body(body) : ResponseEntity.ok(body);
    }

    /**
     * For the reporter with the tracking token, or for staff who work on the case (the hotline: any case), with
     * the reporter's phone as CaseQueries shows it to them.
     */
    @GetMapping("/{caseNumber}")
    PublicCaseView get(@PathVariable("caseNumber") String caseNumber,
            @RequestParam(name = "token", required = false) String token, Authentication authentication) {
        boolean staff = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        return (staff ? cases.lookUp(caseNumber) : cases.findForReporter(caseNumber, token))
                .map(details -> PublicCaseView.of(details, this::departmentName))
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在，或跟踪链接不正确"));
    }

    @GetMapping
    CasePage list(@RequestParam(name = "status", required = false) CaseStatus status,
            @RequestParam(name = "street", required = false) String street,
            @RequestParam(name = "from", required = false) LocalDate from,
            @RequestParam(name = "to", required = false) LocalDate to,
            @RequestParam(name = "page", defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(value = 1, message = "不能小于 1")
            @Max(value = 100, message = "不能大于 100") int size) {
        CaseSearch search = CaseSearch.forStaff(status, street,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        var found = cases.search(search, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "receivedAt")));
        return CasePage.of(found.map(CaseSummary::of));
    }

    private String departmentName(String code) {
        return departments.find(code).map(DepartmentView::name).orElse(code);
    }
}

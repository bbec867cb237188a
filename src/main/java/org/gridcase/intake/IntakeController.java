package org.gridcase.intake;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.Channel;
import org.gridcase.casework.CaseSearch;
import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.NewCase;
import org.gridcase.casework.RegisteredCase;
import org.gridcase.casework.ReporterRatings;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.gridcase.security.IntakeThrottle;
import org.gridcase.system.InvalidRequestException;
import org.gridcase.system.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ProblemDetail;
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

@Tag(name = "工单 · Cases", description = "Reporting a problem, following it, and staff's case list")
@RestController
@RequestMapping("/api/cases")
class IntakeController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String PROBLEM = "application/problem+json";

    private final IdempotentIntake intake;
    private final CaseQueries cases;
    private final DepartmentService departments;
    private final ZoneId zone;
    private final IntakeThrottle throttle;
    private final ReporterRatings ratings;

    IntakeController(IdempotentIntake intake, CaseQueries cases, DepartmentService departments,
            @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone, IntakeThrottle throttle,
            ReporterRatings ratings) {
        this.ratings = ratings;
        this.intake = intake;
        this.cases = cases;
        this.departments = departments;
        this.zone = zone;
        this.throttle = throttle;
    }

    /** 201 with the new case; 200 with the same case when an Idempotency-Key is replayed. */
    @Operation(summary = "反映问题，受理新工单 · Report a problem: open a case", description = """
            无需登录。地点给网格编码或坐标（或两者）；同一 Idempotency-Key 重发时返回同一工单。\
            No login needed. Give a grid code, a point or both; a repeated Idempotency-Key gives the same case.""")
    @ApiResponse(responseCode = "201", description = "已受理：新工单的编号和反映人的跟踪链接 · opened",
            headers = @Header(name = "Location", description = "跟踪链接 · the tracking link"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OpenedCase.class)))
    @ApiResponse(responseCode = "200", description = "重发：同一 Idempotency-Key 已受理过的工单 · replayed key, same case",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OpenedCase.class)))
    @ApiResponse(responseCode = "400", description = "内容有误，errors 逐项指出字段和问题 · invalid, per field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "同一 Idempotency-Key 用于不同内容，或仍在处理 · key conflict",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "提交过于频繁，请稍后再试 · too many reports",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping
    ResponseEntity<OpenedCase> open(@RequestBody @Valid NewCase report,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
            @Size(min = 8, max = 100, message = "长度必须在 8 到 100 个字符之间") String idempotencyKey) {
        if (report.channel() == Channel.OPEN311) {
            // an app's reports come with its key through /open311/v2, which names the app on the case
            throw new InvalidRequestException("channel", "Open311 应用请通过 /open311/v2/requests 提交");
        }
        throttle.admit(report.reporterPhone(), () -> intake.alreadyOpened(idempotencyKey));
        IdempotentIntake.Outcome outcome = intake.open(report, idempotencyKey);
        RegisteredCase registered = outcome.registered();
        URI tracking = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/cases/{caseNumber}").queryParam("token", registered.trackingToken())
                .buildAndExpand(registered.caseNumber()).toUri();
        // the JSON stays at trackingUrl for apps; residents are given the page (/m/, the resident module's)
        URI page = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/m/cases/{caseNumber}").queryParam("token", registered.trackingToken())
                .buildAndExpand(registered.caseNumber()).toUri();
        OpenedCase body = new OpenedCase(registered.caseNumber(), registered.status().name(),
                registered.status().label(), tracking.toString(), page.toString());
        return outcome.opened() ? ResponseEntity.created(tracking).body(body) : ResponseEntity.ok(body);
    }

    /**
     * For the reporter with the tracking token, or for staff who work on the case (the hotline: any case), with
     * the reporter's phone as CaseQueries shows it to them.
     */
    @Operation(summary = "查看工单进展（反映人凭跟踪链接，工作人员凭登录） · Follow a case (reporter with the tracking token, staff by login)")
    @GetMapping("/{caseNumber}")
    PublicCaseView get(@PathVariable("caseNumber") String caseNumber,
            @RequestParam(name = "token", required = false) String token, Authentication authentication) {
        boolean staff = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        return (staff ? cases.lookUp(caseNumber) : cases.findForReporter(caseNumber, token))
                .map(details -> PublicCaseView.of(details, this::departmentName, ratings.canRate(details)))
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在，或跟踪链接不正确"));
    }

    @Operation(summary = "我经办的工单列表 · List the cases I work on")
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

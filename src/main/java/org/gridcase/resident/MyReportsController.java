package org.gridcase.resident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.gridcase.casework.CaseQueries;
import org.gridcase.system.InvalidRequestException;
import org.gridcase.resident.ResidentViews.MyCase;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 我的反映: a resident asks for a one-time code on their phone, then lists every case reported or joined with that
 * phone, each with its tracking page. Code requests are limited per phone and per address, so the channel cannot
 * be used to flood someone's phone.
 */
@Tag(name = "居民 · Residents")
@RestController
@RequestMapping("/api/resident/mine")
class MyReportsController {

    private final SignInCodes codes;
    private final CaseQueries cases;
    private final CoReporterRepository coReporters;
    private final ResidentLinks links;
    private final HttpServletRequest request;
    private final ResidentThrottle codesByPhone = new ResidentThrottle(3, Duration.ofMinutes(10), "获取验证码");
    private final ResidentThrottle codesByAddress = new ResidentThrottle(10, Duration.ofMinutes(6), "获取验证码");
    private final ResidentThrottle listsByAddress = new ResidentThrottle(20, Duration.ofMinutes(1), "验证");

    MyReportsController(SignInCodes codes, CaseQueries cases, CoReporterRepository coReporters, ResidentLinks links,
            HttpServletRequest request) {
        this.codes = codes;
        this.cases = cases;
        this.coReporters = coReporters;
        this.links = links;
        this.request = request;
    }

    record CodeRequest(
            @NotBlank(message = "必须填写")
            @Pattern(regexp = "1[3-9]\\d{9}", message = "必须是 11 位手机号") String phone) {
    }

    record ListRequest(
            @NotBlank(message = "必须填写")
            @Pattern(regexp = "1[3-9]\\d{9}", message = "必须是 11 位手机号") String phone,
            @NotBlank(message = "必须填写") @Pattern(regexp = "\\d{6}", message = "必须是 6 位数字") String code) {
    }

    @Operation(summary = "发送验证码到手机 · Send a one-time code to the phone")
    @PostMapping("/code")
    ResponseEntity<Map<String, String>> sendCode(@RequestBody @Valid CodeRequest body) {
        codesByAddress.admit(request.getRemoteAddr());
        codesByPhone.admit(body.phone());
        codes.send(body.phone());
        return ResponseEntity.accepted().body(Map.of("message", "验证码已发送，10 分钟内有效"));
    }

    @Operation(summary = "凭验证码列出我反映的诉求 · List my reports with the one-time code")
    @PostMapping("/cases")
    List<MyCase> list(@RequestBody @Valid ListRequest body) {
        listsByAddress.admit(request.getRemoteAddr());
        if (!codes.verify(body.phone(), body.code())) {
            throw new InvalidRequestException("code", "验证码不正确或已过期，请重新获取");
        }
        List<MyCase> mine = new ArrayList<>();
        for (CaseQueries.ReportedCase c : cases.reportedWithVerifiedPhone(body.phone())) {
            mine.add(new MyCase(c.caseNumber(), c.statusLabel(), c.categoryName(), c.receivedAt(), false,
                    links.trackingPage(c.caseNumber(), c.trackingToken())));
        }
        for (CoReporter joined : coReporters.findByPhone(body.phone())) {
            cases.findForReporter(joined.caseNumber(), joined.trackingToken(),
                    List.of()).ifPresent(c -> mine.add(new MyCase(c.caseNumber(),
                    c.statusLabel(), c.categoryName(), c.receivedAt(), true,
                    links.trackingPage(c.caseNumber(), joined.trackingToken()))));
        }
        mine.sort(Comparator.comparing(MyCase::receivedAt).reversed());
        return mine;
    }
}

package org.gridcase.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.ReporterRatings;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reporter rates the result of a round with the tracking token, no login: the rating is that round's return
 * visit (GridReportProcess, Gateway_RatingOrCall). Synchronous: the answer gives the case as it stands after
 * (已办结, or 处置中 again when reopened), so the resident page needs no second request.
 */
@Tag(name = "工单 · Cases")
@RestController
@RequestMapping("/api/cases")
class RatingController {

    private static final String PROBLEM = "application/problem+json";

    private final ReporterRatings ratings;

    RatingController(ReporterRatings ratings) {
        this.ratings = ratings;
    }

    /** The case after the rating. */
    record Rated(String caseNumber, String status, String statusLabel, String resolution, String satisfaction,
            String ratedBy, int reopenCount) {
    }

    @Operation(summary = "反映人评价办理结果（完成本轮回访） · The reporter rates the result (this round's return visit)",
            description = """
                    无需登录，凭跟踪链接的 token。反馈办理结果后、社区电话回访前可评价一次；满意则办结，不满意或未解决则重办。\
                    No login: the tracking token. Once per round, after the feedback and before the community's call.""")
    @ApiResponse(responseCode = "200", description = "已评价：工单的新状态 · rated: the case's new status",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Rated.class)))
    @ApiResponse(responseCode = "400", description = "取值有误，errors 逐项指出字段 · invalid, per field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "工单不存在，或跟踪链接不正确 · no such case for this token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "尚未到评价环节，已完成回访，或评价时限已过 · not now",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/{caseNumber}/rating")
    Rated rate(@PathVariable("caseNumber") String caseNumber,
            @RequestParam(name = "token", required = false) String token,
            @RequestBody @Valid RatingRequest rating) {
        CaseDetails c = ratings.rate(caseNumber, token, rating.resolution(), rating.satisfaction(), rating.comment());
        return new Rated(c.caseNumber(), c.status().name(), c.statusLabel(), c.resolution(), c.satisfaction(),
                c.ratedBy(), c.reopenCount());
    }
}

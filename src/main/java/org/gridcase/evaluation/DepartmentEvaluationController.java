package org.gridcase.evaluation;

import java.time.YearMonth;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/evaluation/departments} and {@code /api/evaluation/settings}: 协调响应评价. Reading is for any login
 * (each sees what {@link DepartmentEvaluation} lets them); changing settings, closing and recomputing a month are
 * for administrators (the API's security chain, and the service checks again).
 */
@Tag(name = "考核评价 · Evaluation")
@RestController
class DepartmentEvaluationController {

    private final DepartmentEvaluation departments;
    private final EvaluationTables tables;
    private final DepartmentReportPdf report;

    DepartmentEvaluationController(DepartmentEvaluation departments, EvaluationTables tables,
            DepartmentReportPdf report) {
        this.departments = departments;
        this.tables = tables;
        this.report = report;
    }

    @Operation(summary = "部门协调响应评价月表（主办、协办分列，红黑榜） · The monthly department evaluation")
    @ApiResponse(responseCode = "200", description = "JSON；format=csv 或 xlsx 时为同一表格的文件", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = DepartmentTable.class)),
            @Content(mediaType = "text/csv"), @Content(mediaType = EvaluationController.XLSX)})
    @GetMapping("/api/evaluation/departments")
    ResponseEntity<Object> table(@RequestParam(required = false) String month,
            @RequestParam(required = false) String format) {
        TableExport.format(format);
        return TableExport.answer(format, departments.table(month(month)), tables::departments);
    }

    @Operation(summary = "部门考核月报（PDF：总体指标、部门排名、红黑榜、指标定义） · The monthly evaluation report as PDF")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf"))
    @GetMapping("/api/evaluation/departments/report.pdf")
    ResponseEntity<byte[]> report(@RequestParam(required = false) String month) {
        YearMonth evaluated = month(month);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, TableExport.disposition(DepartmentReportPdf.title(evaluated),
                        "pdf").replaceFirst("^attachment", "inline"))
                .body(report.render(evaluated));
    }

    /** Without a month: the last whole month, the one a district evaluates. */
    private YearMonth month(String month) {
        return month == null || month.isBlank() ? departments.lastMonth() : DepartmentEvaluation.month(month);
    }

    @Operation(summary = "工单数背后的工单：该月召集某部门主办（或协办）的工单（与月表同一口径，按现在的工单） · The cases "
            + "behind a department's case count in the month")
    @GetMapping("/api/evaluation/departments/{month}/cases")
    EvaluationViews.CasesBehind cases(@PathVariable String month, @RequestParam(required = false) String department,
            @RequestParam(required = false) String role, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return departments.cases(DepartmentEvaluation.month(month), department, role, page, size);
    }

    @Operation(summary = "关账：冻结该月部门考核结果（管理员） · Close a month: its evaluation is frozen")
    @PostMapping("/api/evaluation/departments/{month}/close")
    DepartmentTable close(@PathVariable String month) {
        return departments.close(DepartmentEvaluation.month(month));
    }

    @Operation(summary = "重算已关账月份（管理员，须说明理由并留痕） · Recompute a closed month, with a logged reason")
    @PostMapping("/api/evaluation/departments/{month}/recompute")
    DepartmentTable recompute(@PathVariable String month, @RequestBody(required = false) Recomputation body) {
        return departments.recompute(DepartmentEvaluation.month(month), body == null ? null : body.reason());
    }

    @Operation(summary = "该月关账、重算记录 · Who closed or recomputed the month, when and why")
    @GetMapping("/api/evaluation/departments/{month}/log")
    List<DepartmentTable.LogEntry> log(@PathVariable String month) {
        return departments.log(DepartmentEvaluation.month(month));
    }

    @Operation(summary = "考核参数：综合得分权重与参与排名的最低工单数 · The evaluation's weights and minimum sample")
    @GetMapping("/api/evaluation/settings")
    EvaluationSettings settings() {
        return departments.settings();
    }

    @Operation(summary = "修改考核参数（管理员） · Change the weights and the minimum sample (administrators)")
    @PutMapping("/api/evaluation/settings")
    EvaluationSettings changeSettings(@RequestBody(required = false) EvaluationSettings.Change change) {
        return departments.changeSettings(change == null ? new EvaluationSettings.Change(null, null, null, null)
                : change);
    }

    /** Why a closed month is computed again. */
    record Recomputation(String reason) {
    }
}

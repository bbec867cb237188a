package org.gridcase.evaluation;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcase.evaluation.EvaluationViews.Breakdown;
import org.gridcase.evaluation.EvaluationViews.CasesBehind;
import org.gridcase.evaluation.EvaluationViews.Definition;
import org.gridcase.evaluation.EvaluationViews.Overview;
import org.gridcase.system.InvalidRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/evaluation}: the measures, scoped to the caller like the workbench. A period is {@code period}
 * (DAY, WEEK, MONTH, QUARTER, YEAR; MONTH if absent) holding {@code date} (today if absent), or CUSTOM from
 * {@code from} to {@code to}, days in the district's time zone; filters {@code unit}, {@code category},
 * {@code channel}, {@code department} are optional. Every table answers {@code format=csv} or {@code xlsx} as a file
 * ({@link TableExport}), the same table as the JSON.
 */
@Tag(name = "考核评价 · Evaluation")
@RestController
class EvaluationController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Evaluation evaluation;
    private final EvaluationTables tables;

    EvaluationController(Evaluation evaluation, EvaluationTables tables) {
        this.evaluation = evaluation;
        this.tables = tables;
    }

    @Operation(summary = "指标定义（页面提示与说明） · The measures and their definitions")
    @GetMapping("/api/evaluation/measures")
    List<Definition> measures() {
        return evaluation.definitions();
    }

    @Operation(summary = "总览：期间内各项指标及样本量、按子期间的趋势 · Overview: every measure with its sample, and its "
            + "trend per sub-period")
    @ApiResponse(responseCode = "200", description = "JSON；format=csv 或 xlsx 时为同一表格的文件", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Overview.class)),
            @Content(mediaType = "text/csv"), @Content(mediaType = XLSX)})
    @GetMapping("/api/evaluation/overview")
    ResponseEntity<Object> overview(@RequestParam(required = false) String period,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String department,
            @RequestParam(required = false) String format) {
        TableExport.format(format);
        return TableExport.answer(format, evaluation.overview(evaluation.period(period, date, from, to),
                new Filters(unit, category, channel, department)), tables::overview);
    }

    @Operation(summary = "分项：按街道、社区、网格、类别、渠道、主办/协办部门或调解组织分列各项指标 · Breakdown by a dimension")
    @ApiResponse(responseCode = "200", description = "JSON；format=csv 或 xlsx 时为同一表格的文件", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Breakdown.class)),
            @Content(mediaType = "text/csv"), @Content(mediaType = XLSX)})
    @GetMapping("/api/evaluation/breakdown")
    ResponseEntity<Object> breakdown(@RequestParam(required = false) String dimension,
            @RequestParam(required = false) String period, @RequestParam(required = false) String date,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String department,
            @RequestParam(required = false) String format) {
        TableExport.format(format);
        if (dimension == null || dimension.isBlank()) {
            throw new InvalidRequestException("dimension", "请指定分项维度");
        }
        return TableExport.answer(format, evaluation.breakdown(dimension(dimension),
                evaluation.period(period, date, from, to), new Filters(unit, category, channel, department)),
                tables::breakdown);
    }

    @Operation(summary = "数字背后的工单：某项指标分子（或分母）所计的工单 · The cases behind a number")
    @ApiResponse(responseCode = "200", description = "JSON；format=csv 或 xlsx 时为同一页工单的文件", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = CasesBehind.class)),
            @Content(mediaType = "text/csv"), @Content(mediaType = XLSX)})
    @GetMapping("/api/evaluation/cases")
    ResponseEntity<Object> cases(@RequestParam(required = false) String measure, @RequestParam(required = false) String part,
            @RequestParam(required = false) String dimension, @RequestParam(required = false) String key,
            @RequestParam(required = false) String period, @RequestParam(required = false) String date,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String department,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String format) {
        TableExport.format(format);
        return TableExport.answer(format, evaluation.casesBehind(measure(measure), part,
                evaluation.period(period, date, from, to), new Filters(unit, category, channel, department),
                dimension == null || dimension.isBlank() ? null : dimension(dimension),
                key == null || key.isBlank() ? null : key, page, size), tables::cases);
    }

    static Measure measure(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidRequestException("measure", "请指定指标");
        }
        try {
            return Measure.valueOf(code.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("measure", "指标不存在：" + code);
        }
    }

    static Dimension dimension(String code) {
        try {
            return Dimension.valueOf(code.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("dimension", "分项维度只能是 DISTRICT、STREET、COMMUNITY、GRID、"
                    + "CATEGORY_GROUP、CATEGORY、CHANNEL、LEAD_DEPARTMENT、ASSISTING_DEPARTMENT 或 MEDIATOR");
        }
    }
}

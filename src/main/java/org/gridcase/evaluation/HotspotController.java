package org.gridcase.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcase.evaluation.HotspotViews.Comparison;
import org.gridcase.evaluation.HotspotViews.HotspotList;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/evaluation/hotspots}: the period as for the overview ({@code period}, {@code date}, or CUSTOM
 * {@code from}/{@code to}), filters {@code unit}, {@code category}, {@code channel}; scoped to the caller.
 */
@Tag(name = "考核评价 · Evaluation")
@RestController
class HotspotController {

    private final Evaluation evaluation;
    private final Hotspots hotspots;
    private final EvaluationTables tables;

    HotspotController(Evaluation evaluation, Hotspots hotspots, EvaluationTables tables) {
        this.evaluation = evaluation;
        this.hotspots = hotspots;
        this.tables = tables;
    }

    @Operation(summary = "热点：社区或网格按受理量排名，含重复诉求、未解决占比、超期在办及近 12 个月趋势 · Hotspots: "
            + "communities or grids by volume, with repeat requests, unresolved share, overdue open cases and trend")
    @ApiResponse(responseCode = "200", description = "JSON；format=csv 或 xlsx 时为同一表格的文件", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = HotspotList.class)),
            @Content(mediaType = "text/csv"), @Content(mediaType = EvaluationController.XLSX)})
    @GetMapping("/api/evaluation/hotspots")
    ResponseEntity<Object> hotspots(@RequestParam(required = false) String level,
            @RequestParam(required = false) String period, @RequestParam(required = false) String date,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
            @RequestParam(required = false) String channel, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String format) {
        TableExport.format(format);
        return TableExport.answer(format, hotspots.list(Hotspots.level(level), evaluation.period(period, date, from, to),
                new Filters(unit, category, channel, null), limit), tables::hotspots);
    }

    @Operation(summary = "超期在办背后的工单：某社区或网格现在仍在办、已超过办理时限的工单（与热点表同一口径） · The open "
            + "cases past their limit behind a hotspot's count")
    @GetMapping("/api/evaluation/hotspots/overdue")
    EvaluationViews.CasesBehind overdue(@RequestParam(required = false) String level,
            @RequestParam(required = false) String key, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category, @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return hotspots.overdueCases(Hotspots.level(level), key == null || key.isBlank() ? null : key.trim(),
                new Filters(unit, category, channel, null), page, size);
    }

    @Operation(summary = "前后对比：某社区自某日起与此前等长时段的主要指标及样本 · Before/after comparison of a unit "
            + "from a date, over two windows of equal length")
    @GetMapping("/api/evaluation/hotspots/compare")
    Comparison compare(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return hotspots.compare(unit, from, to);
    }
}

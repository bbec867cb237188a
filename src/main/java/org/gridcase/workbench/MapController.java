package org.gridcase.workbench;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.gridcase.casework.CaseStatus;
import org.gridcase.system.Callers;
import org.gridcase.system.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The map page's API: its base layer, the caller's grids, and the caller's open cases as points. */
@Tag(name = "工单中心地图 · Workbench map")
@RestController
class MapController {

    enum MapFlag { OVERDUE, EMERGENCY }

    private final MapSettings settings;
    private final MapShapes shapes;
    private final MapCases cases;
    private final Callers callers;

    MapController(MapSettings settings, MapShapes shapes, MapCases cases, Callers callers) {
        this.settings = settings;
        this.shapes = shapes;
        this.cases = cases;
        this.callers = callers;
    }

    @Operation(summary = "地图底图设置（瓦片地址、版权说明；为空时只画网格）· The map's base layer settings")
    @GetMapping("/api/workbench/map/settings")
    MapSettings.View settings() {
        return settings.view();
    }

    @Operation(summary = "本人所属单元的网格边界 · The caller's grids with their boundaries")
    @GetMapping("/api/workbench/map/grids")
    List<MapShapes.GridShape> grids() {
        return shapes.gridsOf(callers.current());
    }

    @Operation(summary = "地图上的在办工单（按本人权限）· The caller's open cases as map points")
    @GetMapping("/api/workbench/map/cases")
    MapCases.MapCasesPage points(
            @Parameter(description = "类别编码（大类或小类）· category", example = "SAFETY")
            @RequestParam(name = "category", required = false)
            @Pattern(regexp = "[A-Z_]+(\\.[A-Z_]+)?", message = "类别编码格式不正确") String category,
            @Parameter(description = "状态 · status") @RequestParam(name = "status", required = false)
            CaseStatus status,
            @Parameter(description = "街道编码 · street code", example = "610104007")
            @RequestParam(name = "street", required = false)
            @Pattern(regexp = "[0-9]{9}", message = "应为 9 位数字的街道编码") String street,
            @Parameter(description = "OVERDUE（已超时）、EMERGENCY（应急），逗号分隔 · flags")
            @RequestParam(name = "flags", required = false) String flags) {
        if (status == CaseStatus.CLOSED) {
            throw new InvalidRequestException("status", "地图只显示在办工单，不能选已办结");
        }
        Set<MapFlag> wanted = flags(flags);
        return cases.find(blankToNull(category), status, blankToNull(street), wanted.contains(MapFlag.OVERDUE),
                wanted.contains(MapFlag.EMERGENCY));
    }

    private static Set<MapFlag> flags(String flags) {
        Set<MapFlag> wanted = EnumSet.noneOf(MapFlag.class);
        if (flags == null || flags.isBlank()) {
            return wanted;
        }
        for (String flag : flags.split(",")) {
            try {
                wanted.add(MapFlag.valueOf(flag.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidRequestException("flags", "未知的标记 " + flag.trim() + "，可选 OVERDUE、EMERGENCY");
            }
        }
        return wanted;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

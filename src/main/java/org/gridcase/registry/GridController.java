package org.gridcase.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.gridcase.system.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "区划与网格 · Units and grids")
@RestController
@RequestMapping("/api/registry/grids")
class GridController {

    private final GridLocator locator;

    GridController(GridLocator locator) {
        this.locator = locator;
    }

    @Operation(summary = "按坐标定位网格 · Find the grid of a point")
    @GetMapping("/locate")
    GridPlacement locate(
            @Parameter(description = "纬度 · latitude", example = "34.2795")
            @RequestParam("lat") @DecimalMin(value = "-90", message = "纬度必须在 -90 到 90 之间")
            @DecimalMax(value = "90", message = "纬度必须在 -90 到 90 之间") double lat,
            @Parameter(description = "经度 · longitude", example = "108.8835")
            @RequestParam("lon") @DecimalMin(value = "-180", message = "经度必须在 -180 到 180 之间")
            @DecimalMax(value = "180", message = "经度必须在 -180 到 180 之间") double lon) {
        return locator.locate(lat, lon).orElseThrow(() -> new NotFoundException(
                "位置（纬度 " + lat + "，经度 " + lon + "）不在任何网格内"));
    }
}

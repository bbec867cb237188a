package org.gridcase.registry;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.gridcase.system.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registry/grids")
class GridController {

    private final GridLocator locator;

    GridController(GridLocator locator) {
        this.locator = locator;
    }

    @GetMapping("/locate")
    GridPlacement locate(
            @RequestParam("lat") @DecimalMin(value = "-90", message = "纬度必须在 -90 到 90 之间")
            @DecimalMax(value = "90", message = "纬度必须在 -90 到 90 之间") double lat,
            @RequestParam("lon") @DecimalMin(value = "-180", message = "经度必须在 -180 到 180 之间")
            @DecimalMax(value = "180", message = "经度必须在 -180 到 180 之间") double lon) {
        return locator.locate(lat, lon).orElseThrow(() -> new NotFoundException(
                "位置（纬度 " + lat + "，经度 " + lon + "）不在任何网格内"));
    }
}

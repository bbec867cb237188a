package org.gridcase.workbench;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/workbench/boards/street}: the street's board, which its page polls. */
@Tag(name = "工单中心看板 · Workbench boards")
@RestController
class StreetBoardController {

    private final StreetBoards boards;

    StreetBoardController(StreetBoards boards) {
        this.boards = boards;
    }

    @Operation(summary = "街道看板：吹哨工单与各部门报到灯 · The street's board: whistled cases and check-in lights")
    @GetMapping("/api/workbench/boards/street")
    StreetBoard street(
            @Parameter(description = "街道编码（区督办、区领导小组可选；默认本街道）· street code", example = "610104007")
            @RequestParam(name = "street", required = false)
            @Pattern(regexp = "[0-9]{9}", message = "应为 9 位数字的街道编码") String street) {
        return boards.board(street == null || street.isBlank() ? null : street);
    }
}

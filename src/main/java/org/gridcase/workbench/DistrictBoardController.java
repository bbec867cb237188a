package org.gridcase.workbench;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/workbench/boards/district}: the district board, for supervisors and leaders; its page polls it. */
@Tag(name = "工单中心看板 · Workbench boards")
@RestController
class DistrictBoardController {

    private final DistrictBoards boards;

    DistrictBoardController(DistrictBoards boards) {
        this.boards = boards;
    }

    @Operation(summary = "区级看板：应急、超时、红牌工单及各街道、部门计数 · The district board: emergencies, "
            + "overdue and red-carded cases, counted per street and department")
    @GetMapping("/api/workbench/boards/district")
    DistrictBoard district() {
        return boards.board();
    }
}

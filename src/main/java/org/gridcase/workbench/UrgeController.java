package org.gridcase.workbench;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 催办 a case's open step ({@code taskId}), or all of them; 409 within the urge interval, with when it may be again. */
@Tag(name = "工单中心 · Workbench")
@RestController
@RequestMapping("/api/workbench/cases/{caseNumber}/urges")
class UrgeController {

    private final Urging urging;

    UrgeController(Urging urging) {
        this.urging = urging;
    }

    record UrgeRequest(@Size(max = 64, message = "格式不正确") String taskId,
            @Size(max = 200, message = "不能超过 200 个字符") String words) {
    }

    @Operation(summary = "催办工单的待办环节 · Urge the holder of a case's open step")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    List<Urge.UrgeView> urge(@PathVariable("caseNumber") String caseNumber, @RequestBody @Valid UrgeRequest request) {
        String words = request.words() == null || request.words().isBlank() ? null : request.words().trim();
        return urging.urge(caseNumber, request.taskId(), words);
    }
}

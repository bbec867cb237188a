package org.gridcase.workbench;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 督办 by hand (supervisors): 201 with the request; 409 while a supervision is open or for a closed case. */
@Tag(name = "工单中心 · Workbench")
@RestController
class SupervisionController {

    private final Supervision supervision;

    SupervisionController(Supervision supervision) {
        this.supervision = supervision;
    }

    record SupervisionRequestBody(@NotBlank(message = "必须填写督办原因") @Size(max = 500, message = "不能超过 500 个字符")
            String reason) {
    }

    @Operation(summary = "发起手动督办 · Open supervision of a case by hand")
    @PostMapping("/api/workbench/cases/{caseNumber}/supervision")
    @ResponseStatus(HttpStatus.CREATED)
    SupervisionRequest.View supervise(@PathVariable("caseNumber") String caseNumber,
            @RequestBody @Valid SupervisionRequestBody body) {
        return supervision.request(caseNumber, body.reason().trim());
    }
}

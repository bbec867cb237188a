package org.gridcase.workbench;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.gridcase.casework.CaseQueries;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 热线查询 by the caller's phone: the cases that number reported, newest first, with where each stands, who holds
 * it and when it is due. The hotline finds any case by the whole number, as it may open any case by its number
 * (CaseQueries.lookUpByPhone; the phone stays masked unless the desk took that call); anyone else only among the
 * cases whose phone they may see. Never a prefix or part of a number: a lookup answers one caller, it is no search.
 */
@Tag(name = "工单中心 · Workbench")
@RestController
class LookupController {

    private final CaseQueries cases;
    private final CaseList list;

    LookupController(CaseQueries cases, CaseList list) {
        this.cases = cases;
        this.list = list;
    }

    @Operation(summary = "热线按来电号码查询工单 · The hotline looks cases up by the caller's phone")
    @GetMapping("/api/workbench/lookup")
    CaseListPage byPhone(@RequestParam(name = "phone")
            @Pattern(regexp = "1[0-9]{10}|0[0-9]{9,11}", message = "请输入完整的手机号或固定电话号码") String phone) {
        return list.rows(cases.lookUpByPhone(phone, PageRequest.of(0, 20, Sort.by(Sort.Direction.DESC, "receivedAt"))));
    }
}

package org.gridcase.workbench;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gridcase.casework.CaseNotes;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A case's page: everything about it in one answer, and notes added from the page. */
@Tag(name = "工单中心 · Workbench")
@RestController
@RequestMapping("/api/workbench/cases/{caseNumber}")
class CaseController {

    private final CasePages pages;
    private final CaseNotes notes;

    CaseController(CasePages pages, CaseNotes notes) {
        this.pages = pages;
        this.notes = notes;
    }

    @Operation(summary = "工单详情：诉求、进展、部门、经过、备注、通知、催办与待办 · A case's page: everything about it")
    @GetMapping
    CasePage get(@PathVariable("caseNumber") String caseNumber) {
        return pages.page(caseNumber);
    }

    record NewNote(@NotBlank(message = "必须填写") @Size(max = 2000, message = "不能超过 2000 个字符") String text) {
    }

    @Operation(summary = "查看工单备注 · Read a case's notes")
    @GetMapping("/notes")
    List<CaseNotes.Note> notes(@PathVariable("caseNumber") String caseNumber) {
        return notes.list(caseNumber);
    }

    @Operation(summary = "添加工单备注 · Add a note to a case")
    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    CaseNotes.Note addNote(@PathVariable("caseNumber") String caseNumber, @RequestBody @Valid NewNote note) {
        return notes.add(caseNumber, note.text());
    }
}

package org.gridcase.casework;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff who work on a case (assisting departments, the street, supervisors) read and add notes on it. */
@Tag(name = "工单 · Cases")
@RestController
@RequestMapping("/api/cases/{caseNumber}/notes")
class CaseNoteController {

    private final CaseNotes notes;

    CaseNoteController(CaseNotes notes) {
        this.notes = notes;
    }

    record NewNote(@NotBlank(message = "必须填写") @Size(max = 2000, message = "不能超过 2000 个字符") String text) {
    }

    @Operation(summary = "查看工单备注 · Read a case's notes")
    @GetMapping
    List<CaseNotes.Note> list(@PathVariable("caseNumber") String caseNumber) {
        return notes.list(caseNumber);
    }

    @Operation(summary = "添加工单备注 · Add a note to a case")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CaseNotes.Note add(@PathVariable("caseNumber") String caseNumber, @RequestBody @Valid NewNote note) {
        return notes.add(caseNumber, note.text());
    }
}

package org.gridcase.photo;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.gridcase.casework.CaseQueries;
import org.gridcase.system.Callers;
import org.gridcase.system.NotFoundException;
import org.gridcase.system.PlainText;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff who work on a case add photos to it at any step (处置前, 处置后, 核查) and list them. Who works on which
 * case is casework's to say ({@link CaseQueries#find}): a case the caller does not work on is not found.
 */
@Tag(name = "工单 · Cases")
@RestController
@RequestMapping("/api/cases/{caseNumber}/photos")
class CasePhotoController {

    private final CaseQueries cases;
    private final Photos photos;
    private final PhotoLinks links;
    private final Callers callers;

    CasePhotoController(CaseQueries cases, Photos photos, PhotoLinks links, Callers callers) {
        this.cases = cases;
        this.photos = photos;
        this.links = links;
        this.callers = callers;
    }

    record Attachment(
            @Schema(description = "POST /api/photos 返回的照片编号 · ids from POST /api/photos")
            @NotEmpty(message = "必须至少有一张照片") @Size(max = 20, message = "一次最多 20 张")
            List<@NotBlank(message = "不能为空") @Size(max = 32, message = "不是有效的照片编号") String> photoIds,
            @Schema(description = "所处环节，如 处置前、处置后 · the step the photos show", example = "处置后")
            @Size(max = 20, message = "不能超过 20 个字符") @PlainText
            String stage) {
    }

    @Operation(summary = "查看工单照片 · List a case's photos")
    @GetMapping
    List<CasePhoto> list(@PathVariable("caseNumber") String caseNumber) {
        workedOn(caseNumber);
        return photos.ofCase(caseNumber).stream().map(photo -> photo.view(links)).toList();
    }

    @Operation(summary = "为工单添加照片 · Attach photos to a case")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    List<CasePhoto> attach(@PathVariable("caseNumber") String caseNumber, @RequestBody @Valid Attachment body) {
        workedOn(caseNumber);
        String stage = body.stage() == null || body.stage().isBlank() ? null : body.stage().strip();
        return photos.attach(caseNumber, body.photoIds(), stage, callers.current().userId()).stream()
                .map(photo -> photo.view(links)).toList();
    }

    private void workedOn(String caseNumber) {
        if (cases.find(caseNumber).isEmpty()) {
            throw new NotFoundException("工单 " + caseNumber + " 不存在");
        }
    }
}

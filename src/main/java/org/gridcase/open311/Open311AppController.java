package org.gridcase.open311;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridcase.system.Callers;
import org.gridcase.system.PlainText;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** For administrators (everything under /api/admin is theirs): the apps that report through Open311, and their keys. */
@Tag(name = "管理 · Administration")
@RestController
@RequestMapping("/api/admin/open311-apps")
class Open311AppController {

    record AppRequest(
            @NotBlank(message = "必须填写") @Pattern(regexp = "[A-Za-z0-9._-]{1,54}",
                    message = "只能包含字母、数字、点、下划线和连字符，最多 54 个字符")
            @Schema(description = "应用编号，记入工单来源 app:应用编号 · app id", example = "wechat-mini")
            String id,
            @NotBlank(message = "必须填写") @Size(max = 100, message = "不能超过 100 个字符") @PlainText
            @Schema(description = "应用名称 · app name", example = "莲湖随手拍小程序")
            String name) {
    }

    private final Open311Apps apps;
    private final Callers callers;

    Open311AppController(Open311Apps apps, Callers callers) {
        this.apps = apps;
        this.callers = callers;
    }

    @Operation(summary = "登记 Open311 应用并签发 api_key（仅此一次显示） · Register an Open311 app and issue its api_key (shown once)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Open311Apps.IssuedApp create(@RequestBody @Valid AppRequest request) {
        return apps.create(request.id(), request.name(), callers.current().userId());
    }

    @Operation(summary = "列出 Open311 应用（不含密钥） · List Open311 apps (without keys)")
    @GetMapping
    List<Open311Apps.App> list() {
        return apps.list();
    }

    @Operation(summary = "删除 Open311 应用，吊销其 api_key · Delete an Open311 app, revoking its api_key")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable("id") String id) {
        apps.delete(id);
    }
}

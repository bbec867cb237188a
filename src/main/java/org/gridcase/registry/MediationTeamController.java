package org.gridcase.registry;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.gridcase.system.OnCreate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "调解小组 · Mediation teams", description = "Who mediates disputes in a community or a street")
@RestController
@RequestMapping("/api/registry/mediation-teams")
class MediationTeamController {

    private final MediationTeamService teams;

    MediationTeamController(MediationTeamService teams) {
        this.teams = teams;
    }

    @Operation(summary = "列出调解小组 · List the mediation teams")
    @GetMapping
    List<MediationTeamView> list() {
        return teams.list();
    }

    @Operation(summary = "查看一个调解小组 · Read a mediation team")
    @GetMapping("/{code}")
    MediationTeamView get(@PathVariable("code") String code) {
        return teams.get(code);
    }

    @Operation(summary = "新增调解小组（管理员） · Add a mediation team (administrators)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MediationTeamView create(@RequestBody @Validated(OnCreate.class) MediationTeamRequest request) {
        return teams.create(request);
    }

    @Operation(summary = "修改调解小组（管理员） · Change a mediation team (administrators)")
    @PutMapping("/{code}")
    MediationTeamView update(@PathVariable("code") String code, @RequestBody @Valid MediationTeamRequest request) {
        return teams.update(code, request);
    }
}

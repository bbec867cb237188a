package org.gridcase.registry;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.camunda.bpm.engine.authorization.Groups;
import org.gridcase.system.Callers;
import org.gridcase.system.OnCreate;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "区划与网格 · Units and grids", description = "The unit tree: district, streets, communities, grids")
@RestController
@RequestMapping("/api/registry/units")
class UnitController {

    private final UnitService units;
    private final Callers callers;

    UnitController(UnitService units, Callers callers) {
        this.units = units;
        this.callers = callers;
    }

    /** The robots' URLs hold their keys: administrators only (they alone may change them, too). */
    private UnitView shown(UnitView view) {
        return callers.current().isMemberOf(Groups.CAMUNDA_ADMIN) ? view : view.withoutRobots();
    }

    @Operation(summary = "列出区划单元 · List the units")
    @GetMapping
    List<UnitView> list(@RequestParam(name = "level", required = false) UnitLevel level,
            @RequestParam(name = "parent", required = false) String parentCode) {
        return units.list(level, parentCode).stream().map(this::shown).toList();
    }

    @Operation(summary = "查看一个单元（含网格边界） · Read a unit (with its grid boundary)")
    @GetMapping("/{code}")
    UnitView get(@PathVariable("code") String code) {
        return shown(units.get(code));
    }

    @Operation(summary = "新增单元（管理员） · Add a unit (administrators)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UnitView create(@RequestBody @Validated(OnCreate.class) UnitRequest request) {
        return units.create(request);
    }

    @Operation(summary = "修改单元（管理员） · Change a unit (administrators)")
    @PutMapping("/{code}")
    UnitView update(@PathVariable("code") String code, @RequestBody @Valid UnitRequest request) {
        return units.update(code, request);
    }
}

package org.gridcase.registry;

import java.util.List;

import jakarta.validation.Valid;
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

@RestController
@RequestMapping("/api/registry/units")
class UnitController {

    private final UnitService units;

    UnitController(UnitService units) {
        this.units = units;
    }

    @GetMapping
    List<UnitView> list(@RequestParam(name = "level", required = false) UnitLevel level,
            @RequestParam(name = "parent", required = false) String parentCode) {
        return units.list(level, parentCode);
    }

    @GetMapping("/{code}")
    UnitView get(@PathVariable("code") String code) {
        return units.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UnitView create(@RequestBody @Validated(OnCreate.class) UnitRequest request) {
        return units.create(request);
    }

    @PutMapping("/{code}")
    UnitView update(@PathVariable("code") String code, @RequestBody @Valid UnitRequest request) {
        return units.update(code, request);
    }
}

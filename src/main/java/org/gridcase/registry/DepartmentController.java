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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "职能部门 · Departments", description = "The departments a street may summon")
@RestController
@RequestMapping("/api/registry/departments")
class DepartmentController {

    private final DepartmentService departments;
    private final Callers callers;

    DepartmentController(DepartmentService departments, Callers callers) {
        this.departments = departments;
        this.callers = callers;
    }

    /** The robots' URLs hold their keys: administrators only (they alone may change them, too). */
    private DepartmentView shown(DepartmentView view) {
        return callers.current().isMemberOf(Groups.CAMUNDA_ADMIN) ? view : view.withoutRobots();
    }

    @Operation(summary = "列出职能部门 · List the departments")
    @GetMapping
    List<DepartmentView> list() {
        return departments.list().stream().map(this::shown).toList();
    }

    @Operation(summary = "查看一个部门 · Read a department")
    @GetMapping("/{code}")
    DepartmentView get(@PathVariable("code") String code) {
        return shown(departments.get(code));
    }

    @Operation(summary = "新增部门（管理员） · Add a department (administrators)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DepartmentView create(@RequestBody @Validated(OnCreate.class) DepartmentRequest request) {
        return departments.create(request);
    }

    @Operation(summary = "修改部门（管理员） · Change a department (administrators)")
    @PutMapping("/{code}")
    DepartmentView update(@PathVariable("code") String code, @RequestBody @Valid DepartmentRequest request) {
        return departments.update(code, request);
    }
}

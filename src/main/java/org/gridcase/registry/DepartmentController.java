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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registry/departments")
class DepartmentController {

    private final DepartmentService departments;

    DepartmentController(DepartmentService departments) {
        this.departments = departments;
    }

    @GetMapping
    List<DepartmentView> list() {
        return departments.list();
    }

    @GetMapping("/{code}")
    DepartmentView get(@PathVariable("code") String code) {
        return departments.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DepartmentView create(@RequestBody @Validated(OnCreate.class) DepartmentRequest request) {
        return departments.create(request);
    }

    @PutMapping("/{code}")
    DepartmentView update(@PathVariable("code") String code, @RequestBody @Valid DepartmentRequest request) {
        return departments.update(code, request);
    }
}

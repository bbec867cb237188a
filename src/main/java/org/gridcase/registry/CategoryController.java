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
@RequestMapping("/api/registry/categories")
class CategoryController {

    private final CategoryService categories;

    CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    @GetMapping
    List<CategoryView> list() {
        return categories.list();
    }

    @GetMapping("/{code}")
    CategoryView get(@PathVariable("code") String code) {
        return categories.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CategoryView create(@RequestBody @Validated(OnCreate.class) CategoryRequest request) {
        return categories.create(request);
    }

    @PutMapping("/{code}")
    CategoryView update(@PathVariable("code") String code, @RequestBody @Valid CategoryRequest request) {
        return categories.update(code, request);
    }
}

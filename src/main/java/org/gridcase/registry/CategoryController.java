package org.gridcase.registry;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

@Tag(name = "类别目录 · Categories", description = "What can be reported: urgency, limits, departments")
@RestController
@RequestMapping("/api/registry/categories")
class CategoryController {

    private final CategoryService categories;

    CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    @Operation(summary = "列出全部类别 · List the categories")
    @GetMapping
    List<CategoryView> list() {
        return categories.list();
    }

    @Operation(summary = "查看一个类别 · Read a category")
    @GetMapping("/{code}")
    CategoryView get(@PathVariable("code") String code) {
        return categories.get(code);
    }

    @Operation(summary = "新增类别（管理员） · Add a category (administrators)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CategoryView create(@RequestBody @Validated(OnCreate.class) CategoryRequest request) {
        return categories.create(request);
    }

    @Operation(summary = "修改类别（管理员） · Change a category (administrators)")
    @PutMapping("/{code}")
    CategoryView update(@PathVariable("code") String code, @RequestBody @Valid CategoryRequest request) {
        return categories.update(code, request);
    }
}

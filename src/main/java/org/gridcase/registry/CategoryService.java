package org.gridcase.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridcase.system.ConflictException;
import org.gridcase.system.InvalidRequestException;
import org.gridcase.system.NotFoundException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class CategoryService {

    private final CategoryRepository categories;

    CategoryService(CategoryRepository categories) {
        this.categories = categories;
    }

    public List<CategoryView> list() {
        List<Category> all = categories.findAll(Sort.by("code"));
        Map<String, Category> byCode = all.stream().collect(Collectors.toMap(Category::code, Function.identity()));
        return all.stream().map(c -> viewOf(c, byCode.get(c.parentCode()))).toList();
    }

    public Optional<CategoryView> find(String code) {
        return categories.findById(code).map(category -> viewOf(category,
                category.parentCode() == null ? null : categories.findById(category.parentCode()).orElse(null)));
    }

    public CategoryView get(String code) {
        Category category = require(code);
        return viewOf(category, category.parentCode() == null ? null : require(category.parentCode()));
    }

    @Transactional
    public CategoryView create(CategoryRequest request) {
        if (categories.existsById(request.code())) {
            throw new ConflictException("类别编码 " + request.code() + " 已存在");
        }
        Category parent = null;
        if (request.parentCode() != null) {
            parent = categories.findById(request.parentCode()).orElseThrow(() -> new InvalidRequestException(
                    "parentCode", "上级类别 " + request.parentCode() + " 不存在"));
            if (!request.code().startsWith(parent.code() + ".")) {
                throw new InvalidRequestException("code", "必须以上级编码加点开头：" + parent.code() + ".");
            }
        } else if (request.code().contains(".")) {
            throw new InvalidRequestException("parentCode", "编码含点的类别必须填写上级类别");
        }
        Category category = new Category(request.code(), request.parentCode());
        category.describe(request.name(), request.defaultUrgency());
        categories.save(category);
        return viewOf(category, parent);
    }

    @Transactional
    public CategoryView update(String code, CategoryRequest request) {
        Category category = require(code);
        if (request.code() != null && !request.code().equals(code)) {
            throw new InvalidRequestException("code", "与路径中的编码 " + code + " 不一致；编码不能修改");
        }
        if (request.parentCode() != null && !request.parentCode().equals(category.parentCode())) {
            throw new InvalidRequestException("parentCode", "上级类别不能修改");
        }
        category.describe(request.name(), request.defaultUrgency());
        return get(code);
    }

    boolean exists(String code) {
        return categories.existsById(code);
    }

    private CategoryView viewOf(Category category, Category parent) {
        return category.view(parent == null ? null : parent.name());
    }

    private Category require(String code) {
        return categories.findById(code).orElseThrow(() -> new NotFoundException("类别 " + code + " 不存在"));
    }
}

package org.gridcase.registry;

import java.util.List;
import java.util.Optional;

import org.gridcase.system.ConflictException;
import org.gridcase.system.InvalidRequestException;
import org.gridcase.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class DepartmentService {

    private final DepartmentRepository departments;
    private final CategoryService categories;
    private final ApplicationEventPublisher events;

    DepartmentService(DepartmentRepository departments, CategoryService categories,
            ApplicationEventPublisher events) {
        this.departments = departments;
        this.categories = categories;
        this.events = events;
    }

    public List<DepartmentView> list() {
        return departments.findAll(Sort.by("code")).stream().map(Department::view).toList();
    }

    /** The active ones: what a whistle, a meeting's invitation or a commitment may name from now on. */
    public List<DepartmentView> offered() {
        return list().stream().filter(DepartmentView::active).toList();
    }

    /** The party if the registry has it and it is active: may it be summoned, invited or given a commitment? */
    public Optional<DepartmentView> findOffered(String code) {
        return find(code).filter(DepartmentView::active);
    }

    public Optional<DepartmentView> find(String code) {
        return departments.findById(code).map(Department::view);
    }

    public DepartmentView get(String code) {
        return require(code).view();
    }

    @Transactional
    public DepartmentView create(DepartmentRequest request) {
        if (departments.existsById(request.code())) {
            throw new ConflictException("部门编码 " + request.code() + " 已存在");
        }
        Department department = new Department(request.code());
        describe(department, request);
        departments.save(department);
        events.publishEvent(new DepartmentChanged(department.code()));
        return department.view();
    }

    @Transactional
    public DepartmentView update(String code, DepartmentRequest request) {
        Department department = require(code);
        if (request.code() != null && !request.code().equals(code)) {
            throw new InvalidRequestException("code", "与路径中的编码 " + code + " 不一致；编码不能修改");
        }
        describe(department, request);
        events.publishEvent(new DepartmentChanged(code));
        return department.view();
    }

    private void describe(Department department, DepartmentRequest request) {
        request.categoriesOrEmpty().stream()
                .filter(category -> !categories.exists(category))
                .findFirst()
                .ifPresent(category -> {
                    throw new InvalidRequestException("categories", "类别 " + category + " 不存在");
                });
        if (request.bodyKind() != null && request.kind() != DepartmentKind.OUTSIDE_BODY) {
            throw new InvalidRequestException("bodyKind", "只有社会单位（OUTSIDE_BODY）才有单位类型");
        }
        department.describe(request.name(), request.kind(), request.bodyKind(), request.phone(),
                request.categoriesOrEmpty());
        if (request.active() != null) {
            department.activate(request.active());
        }
        if (request.robots() != null) {
            department.robots().change(request.robots());
        }
    }

    private Department require(String code) {
        return departments.findById(code).orElseThrow(() -> new NotFoundException("部门 " + code + " 不存在"));
    }
}

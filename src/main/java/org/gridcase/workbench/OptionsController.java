package org.gridcase.workbench;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcase.casework.CaseStatus;
import org.gridcase.registry.CategoryService;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The choices of the list's filters and the new-case form, by name: categories, statuses, units, departments. */
@Tag(name = "工单中心 · Workbench")
@RestController
class OptionsController {

    private final CategoryService categories;
    private final DepartmentService departments;
    private final UnitService units;

    OptionsController(CategoryService categories, DepartmentService departments, UnitService units) {
        this.categories = categories;
        this.departments = departments;
        this.units = units;
    }

    record Option(String value, String label, String level) {
    }

    record Options(List<Option> categories, List<Option> statuses, List<Option> units, List<Option> departments) {
    }

    @Operation(summary = "筛选项：类别、状态、单元、部门 · The filters' choices by name")
    @GetMapping("/api/workbench/options")
    Options options() {
        return new Options(
                categories.list().stream().map(c -> new Option(c.code(), c.path(), c.parentCode() == null ? "top" : "leaf"))
                        .toList(),
                Arrays.stream(CaseStatus.values()).map(s -> new Option(s.name(), s.label(), null)).toList(),
                units.list(null, null).stream().filter(u -> u.level() != UnitLevel.DISTRICT)
                        .map(u -> new Option(u.code(), u.name(), u.level().name())).toList(),
                departments.list().stream().map(d -> new Option(d.code(), d.name(), null)).toList());
    }
}

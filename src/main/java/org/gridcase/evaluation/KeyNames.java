package org.gridcase.evaluation;

import java.util.Arrays;

import org.gridcase.casework.Channel;
import org.gridcase.registry.CategoryService;
import org.gridcase.registry.CategoryView;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.gridcase.registry.UnitService;
import org.gridcase.system.NotFoundException;
import org.springframework.stereotype.Component;

/** Names for the keys of a breakdown: units, departments, categories and channels by their registry names. */
@Component
class KeyNames {

    private final UnitService units;
    private final DepartmentService departments;
    private final CategoryService categories;

    KeyNames(UnitService units, DepartmentService departments, CategoryService categories) {
        this.units = units;
        this.departments = departments;
        this.categories = categories;
    }

    String of(Dimension dimension, String key) {
        if (key == null) {
            return dimension == Dimension.MEDIATOR ? "未确定调解组织" : "未定位";
        }
        return switch (dimension) {
            case DISTRICT, STREET, COMMUNITY, GRID -> unit(key);
            case LEAD_DEPARTMENT, ASSISTING_DEPARTMENT -> department(key);
            case CATEGORY, CATEGORY_GROUP -> categories.find(key).map(CategoryView::name).orElse(key);
            case CHANNEL -> Arrays.stream(Channel.values()).filter(c -> c.name().equals(key)).findFirst()
                    .map(Channel::label).orElse(key);
            case MEDIATOR -> key; // the team's name as the community confirmed it
        };
    }

    String department(String code) {
        return departments.find(code).map(DepartmentView::name).orElse(code);
    }

    String unit(String code) {
        try {
            return units.get(code).name();
        } catch (NotFoundException e) {
            return code; // a unit removed from the registry since: its code is what is left to show
        }
    }
}

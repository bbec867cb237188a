package org.gridcase.casework;

import java.util.Collection;
import java.util.stream.Collectors;

import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.springframework.stereotype.Component;

/** Names of departments for messages; a code the registry does not know (yet) is shown as it is. */
@Component
class DepartmentNames {

    private final DepartmentService departments;

    DepartmentNames(DepartmentService departments) {
        this.departments = departments;
    }

    String of(String code) {
        return departments.find(code).map(DepartmentView::name).orElse(code);
    }

    String of(Collection<?> codes) {
        return codes.stream().map(code -> of(code.toString())).collect(Collectors.joining("、"));
    }
}

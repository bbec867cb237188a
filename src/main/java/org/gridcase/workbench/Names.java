package org.gridcase.workbench;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.gridcase.registry.StaffService;
import org.gridcase.registry.StaffView;
import org.gridcase.registry.UnitService;
import org.gridcase.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Names instead of codes, for one answer: units and departments from the registry, people from the registry's
 * staff (or the Camunda user for accounts made by hand in Admin). Each code is looked up once per {@link Lookup}.
 */
@Component
class Names {

    private final UnitService units;
    private final DepartmentService departments;
    private final StaffService staff;
    private final IdentityService identity;

    Names(UnitService units, DepartmentService departments, StaffService staff, IdentityService identity) {
        this.units = units;
        this.departments = departments;
        this.staff = staff;
        this.identity = identity;
    }

    Lookup lookup() {
        return new Lookup();
    }

    Optional<StaffView> staff(String username) {
        return staff.find(username);
    }

    final class Lookup {

        private final Map<String, String> unitNames = new HashMap<>();
        private final Map<String, String> departmentNames = new HashMap<>();
        private final Map<String, String> personNames = new HashMap<>();

        String unit(String code) {
            return code == null ? null : unitNames.computeIfAbsent(code, c -> {
                try {
                    return units.get(c).name();
                } catch (NotFoundException unknown) {
                    return c;
                }
            });
        }

        String department(String code) {
            return code == null ? null : departmentNames.computeIfAbsent(code,
                    c -> departments.find(c).map(DepartmentView::name).orElse(c));
        }

        /** 陈志强 for street.dispatcher; the login itself when nobody of that name is known. */
        String person(String username) {
            return username == null ? null : personNames.computeIfAbsent(username, u -> staff.find(u)
                    .map(StaffView::fullName)
                    .orElseGet(() -> Optional.ofNullable(identity.createUserQuery().userId(u).singleResult())
                            .map(User::getFirstName).filter(name -> !name.isBlank()).orElse(u)));
        }

        /** A group as people say it: a unit's or department's name, or the role's. */
        String group(String groupId) {
            if (groupId == null) {
                return null;
            }
            int dash = groupId.indexOf('-');
            String kind = dash < 0 ? groupId : groupId.substring(0, dash);
            String code = dash < 0 ? null : groupId.substring(dash + 1);
            return switch (kind) {
                case "grid", "community", "street" -> unit(code);
                case "dept" -> department(code);
                case "supervisors" -> "区督办";
                case "dispatchers" -> "街道调度员";
                case "hotline" -> "12345 热线";
                case "auditors" -> "审计";
                case "leaders" -> "区领导小组";
                case "camunda" -> "系统管理员";
                default -> groupId;
            };
        }
    }
}

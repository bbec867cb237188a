package org.gridcase.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.gridcase.registry.StaffService;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.gridcase.registry.UnitView;
import org.gridcase.system.InvalidRequestException;
import org.gridcase.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Names instead of codes for auditors: streets and departments from the registry, staff as "周小军（grid.worker）"
 * (the name to read, the login to match against the engine's records), Camunda groups by the unit, department
 * or role they stand for. A code the registry no longer knows is shown as it is: history
 * outlives the registry's entries.
 */
@Component
class AuditNames {

    private final UnitService units;
    private final DepartmentService departments;
    private final StaffService staff;

    AuditNames(UnitService units, DepartmentService departments, StaffService staff) {
        this.units = units;
        this.departments = departments;
        this.staff = staff;
    }

    String unit(String code) {
        if (code == null) {
            return null;
        }
        try {
            return units.get(code).name();
        } catch (NotFoundException gone) {
            return code;
        }
    }

    String department(String code) {
        return code == null ? null : departments.find(code).map(DepartmentView::name).orElse(code);
    }

    String user(String username) {
        if (username == null) {
            return null;
        }
        return staff.find(username).map(member -> member.fullName() + "（" + username + "）").orElse(username);
    }

    String group(String groupId) {
        if (groupId == null) {
            return null;
        }
        for (UnitLevel level : UnitLevel.values()) {
            for (String code : CamundaGroups.unitCodes(level, List.of(groupId))) {
                return unit(code);
            }
        }
        for (String code : CamundaGroups.departmentCodes(List.of(groupId))) {
            return department(code);
        }
        String role = CamundaGroups.roleName(groupId);
        return role != null ? role : groupId;
    }

    /** A view that looks each name up once, for one replay, timeline or report (see {@link Memo}). */
    Memo memo() {
        return new Memo(this);
    }

    /**
     * The names of one replay, timeline or report, each looked up once: a replay shows the same unit, department,
     * member of staff and group at every step and in every variable, and asked the registry again each time. Made
     * for one replay and dropped with it, never kept: the next replay shows a unit renamed since by its new name.
     * Not shared between threads.
     */
    static final class Memo {

        private final AuditNames names;
        private final Map<String, String> units = new HashMap<>();
        private final Map<String, String> departments = new HashMap<>();
        private final Map<String, String> users = new HashMap<>();
        private final Map<String, String> groups = new HashMap<>();

        private Memo(AuditNames names) {
            this.names = names;
        }

        String unit(String code) {
            return code == null ? null : units.computeIfAbsent(code, names::unit);
        }

        String department(String code) {
            return code == null ? null : departments.computeIfAbsent(code, names::department);
        }

        String user(String username) {
            return username == null ? null : users.computeIfAbsent(username, names::user);
        }

        String group(String groupId) {
            return groupId == null ? null : groups.computeIfAbsent(groupId, names::group);
        }
    }

    /** The street an auditor typed: its code, or a part of its name that names one street only. */
    String streetCode(String typed) {
        return blank(typed) ? null : pick("street", typed, units.list(UnitLevel.STREET, null).stream()
                .map(u -> new Named(u.code(), u.name())).toList(), "街道");
    }

    /** The department an auditor typed: its code, or a part of its name that names one department only. */
    String departmentCode(String typed) {
        return blank(typed) ? null : pick("department", typed, departments.list().stream()
                .map(d -> new Named(d.code(), d.name())).toList(), "部门");
    }

    /** Streets and departments by name, for the search form's suggestions. */
    List<String> streetNames() {
        return units.list(UnitLevel.STREET, null).stream().map(UnitView::name).toList();
    }

    List<String> departmentNames() {
        return departments.list().stream().map(DepartmentView::name).toList();
    }

    private record Named(String code, String name) {
    }

    private static String pick(String field, String typed, List<Named> all, String what) {
        String text = typed.strip();
        for (Named named : all) {
            if (named.code().equalsIgnoreCase(text) || named.name().equals(text)) {
                return named.code();
            }
        }
        List<Named> matching = all.stream().filter(named -> named.name().contains(text)
                || named.code().toLowerCase(Locale.ROOT).startsWith(text.toLowerCase(Locale.ROOT))).toList();
        if (matching.isEmpty()) {
            throw new InvalidRequestException(field, "没有名称或代码为“" + text + "”的" + what);
        }
        if (matching.size() > 1) {
            throw new InvalidRequestException(field, "“" + text + "”对应多个" + what + "："
                    + String.join("、", matching.stream().map(Named::name).toList()) + "，请写得更完整");
        }
        return matching.get(0).code();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

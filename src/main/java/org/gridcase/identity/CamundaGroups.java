package org.gridcase.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcase.registry.StaffView;
import org.gridcase.registry.UnitLevel;

/**
 * The Camunda group ids gridcase uses, written once. Unit groups carry the unit's code
 * ({@code grid-610104007001001}, {@code street-610104007}, {@code dept-chengguan}); role groups are fixed names.
 * Process models name these groups as candidate groups, so their ids are part of the contract with designers.
 */
public final class CamundaGroups {

    public static final String DISPATCHERS = "dispatchers";
    public static final String SUPERVISORS = "supervisors";
    public static final String AUDITORS = "auditors";
    public static final String HOTLINE = "hotline";
    /** The district leadership group, told of red cards. */
    public static final String LEADERS = "leaders";
    /** The group Camunda's own webapps treat as administrators. */
    public static final String ADMINISTRATORS = "camunda-admin";

    static final String WORKFLOW_TYPE = "WORKFLOW";
    static final String SYSTEM_TYPE = "SYSTEM";

    private static final String DEPARTMENT_PREFIX = "dept-";

    private CamundaGroups() {
    }

    /** The group of a street, community or grid; districts have none (district roles have role groups). */
    public static String ofUnit(UnitLevel level, String code) {
        return switch (level) {
            case GRID -> "grid-" + code;
            case COMMUNITY -> "community-" + code;
            case STREET -> "street-" + code;
            case DISTRICT -> null;
        };
    }

    public static String ofDepartment(String code) {
        return DEPARTMENT_PREFIX + code;
    }

    /** The codes of the units of this level whose groups are among these: grid-610104007001001 → 610104007001001. */
    public static Set<String> unitCodes(UnitLevel level, Collection<String> groups) {
        String prefix = ofUnit(level, "");
        return prefix == null ? Set.of() : codes(prefix, groups);
    }

    /** The codes of the departments whose groups are among these: dept-chengguan → chengguan. */
    public static Set<String> departmentCodes(Collection<String> groups) {
        return codes(DEPARTMENT_PREFIX, groups);
    }

    private static Set<String> codes(String prefix, Collection<String> groups) {
        return groups.stream().filter(group -> group.startsWith(prefix) && group.length() > prefix.length())
                .map(group -> group.substring(prefix.length())).collect(Collectors.toUnmodifiableSet());
    }

    /** The role groups and their Chinese names, as Tasklist and Admin show them. */
    static final Map<String, String> ROLE_GROUPS = Map.of(
            DISPATCHERS, "街道调度员",
            SUPERVISORS, "区督办",
            AUDITORS, "审计",
            HOTLINE, "12345 热线坐席",
            LEADERS, "区领导小组",
            ADMINISTRATORS, "系统管理员");

    /** A role group's Chinese name (审计 for auditors), or null for any other group. */
    public static String roleName(String groupId) {
        return ROLE_GROUPS.get(groupId);
    }

    /** Groups whose members gridcase decides; memberships in any other group are left alone. */
    static boolean isManaged(String groupId) {
        return ROLE_GROUPS.containsKey(groupId) || groupId.startsWith("grid-") || groupId.startsWith("community-")
                || groupId.startsWith("street-") || groupId.startsWith(DEPARTMENT_PREFIX);
    }

    /** The groups a member of staff belongs to: their unit's or department's group and their role's group. */
    static Set<String> of(StaffView staff) {
        Set<String> groups = new LinkedHashSet<>();
        if (staff.role().belongsToDepartment()) {
            groups.add(ofDepartment(staff.departmentCode()));
        } else if (staff.role().unitLevel() != UnitLevel.DISTRICT) {
            groups.add(ofUnit(staff.role().unitLevel(), staff.unitCode()));
        }
        switch (staff.role()) {
            case STREET_DISPATCHER -> groups.add(DISPATCHERS);
            case DISTRICT_SUPERVISOR -> groups.add(SUPERVISORS);
            case AUDITOR -> groups.add(AUDITORS);
            case HOTLINE_OPERATOR -> groups.add(HOTLINE);
            case ADMINISTRATOR -> groups.add(ADMINISTRATORS);
            default -> { }
        }
        return groups;
    }
}

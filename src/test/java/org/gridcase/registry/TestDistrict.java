package org.gridcase.registry;

import java.util.Set;

/**
 * A small district made through the registry's own services: one street, one community and two square grids
 * side by side (west and east) that share an edge at {@code lon0 + 0.01}. Each test class passes its own county
 * code and corner, so that districts of different tests neither share codes nor overlap.
 */
public record TestDistrict(String district, String street, String community, String westGrid, String eastGrid,
        String department, double lat0, double lon0) {

    public static final double SIZE = 0.01;

    public static TestDistrict create(UnitService units, DepartmentService departments, String county,
            double lat0, double lon0) {
        return create(units, departments, county, lat0, lon0, "CS");
    }

    /**
     * A district whose street numbers its cases with a prefix of its own. Case numbers are drawn per prefix and day
     * under a row lock, so streets that share a prefix (the tests' "CS") also share that lock; the benchmark gives
     * each of its streets its own, as real streets have.
     */
    public static TestDistrict create(UnitService units, DepartmentService departments, String county,
            double lat0, double lon0, String casePrefix) {
        String street = county + "001";
        String community = street + "001";
        TestDistrict d = new TestDistrict(county, street, community, community + "001", community + "002",
                "dept" + county, lat0, lon0);
        units.create(new UnitRequest(county, UnitLevel.DISTRICT, "测试区" + county, null, null, null));
        units.create(new UnitRequest(street, UnitLevel.STREET, "测试街道", county, null, casePrefix));
        units.create(new UnitRequest(community, UnitLevel.COMMUNITY, "测试社区", street, null, null));
        units.create(new UnitRequest(d.westGrid, UnitLevel.GRID, "西网格", community, square(lat0, lon0), null));
        units.create(new UnitRequest(d.eastGrid, UnitLevel.GRID, "东网格", community, square(lat0, lon0 + SIZE), null));
        departments.create(new DepartmentRequest(d.department, "测试城管局", DepartmentKind.DEPARTMENT, "029-1234567",
                Set.of("MUNICIPAL.MANHOLE_COVER_MISSING")));
        return d;
    }

    /**
     * The departments the triage rules (ReportTriage.dmn) summon, under their real codes, made once per database:
     * a whistle may summon only departments the registry knows.
     */
    public static void registerTriageDepartments(DepartmentService departments) {
        for (String code : new String[] {"chengguan", "zhujian", "xiaofang", "jiaojing", "shuiwu", "shichang", "sifa",
                "gongjiao", "wuye", "ranqi"}) {
            if (departments.find(code).isEmpty()) {
                departments.create(new DepartmentRequest(code, "测试部门 " + code, DepartmentKind.DEPARTMENT,
                        "029-1234567", Set.of()));
            }
        }
    }

    /** An outside body (a bus company, a property company) with this code, unless the registry has it already. */
    public static void registerOutsideBody(DepartmentService departments, String code, String name) {
        if (departments.find(code).isEmpty()) {
            departments.create(new DepartmentRequest(code, name, DepartmentKind.OUTSIDE_BODY, "029-7654321",
                    Set.of()));
        }
    }

    /** A square grid boundary of side {@link #SIZE} with its south-west corner at (lat, lon). */
    public static String square(double lat, double lon) {
        double n = lat + SIZE;
        double e = lon + SIZE;
        return "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))".formatted(lon, lat, e, lat, e, n, lon, n, lon, lat);
    }

    /** Adds a member of staff through the registry, as an administrator would. */
    public static StaffView addStaff(StaffService staff, String username, StaffRole role, String unitCode,
            String departmentCode) {
        return staff.create(new StaffRequest(username, "测试" + username, "13900000000", null, role, unitCode,
                departmentCode, true));
    }

    public static StaffView changeStaff(StaffService staff, String username, StaffRole role, String unitCode,
            String departmentCode, boolean active) {
        return staff.update(username, new StaffRequest(null, "测试" + username, "13900000000", null, role, unitCode,
                departmentCode, active));
    }

    /** Adds a member of staff who hears of their messages by {@code notifyBy} besides the bell. */
    public static StaffView addStaff(StaffService staff, String username, StaffRole role, String unitCode,
            String departmentCode, String phone, String email, NotifyBy notifyBy) {
        return staff.create(new StaffRequest(username, "测试" + username, phone, email, role, unitCode,
                departmentCode, true, notifyBy));
    }

    /** Gives a unit's duty group its robots (null: none). */
    public static void setRobots(UnitService units, String code, String wecom, String dingtalk, String secret) {
        UnitView unit = units.get(code);
        units.update(code, new UnitRequest(null, null, unit.name(), null, unit.boundary(), unit.casePrefix(),
                new DutyRobotsRequest(wecom, dingtalk, secret)));
    }

    /** Retires a department or outside body: no longer offered for new summons, invitations or commitments. */
    public static void retire(DepartmentService departments, String code) {
        DepartmentView department = departments.get(code);
        departments.update(code, new DepartmentRequest(null, department.name(), department.kind(),
                department.phone(), department.categories(), null, null, false));
    }

    /** Gives a department's duty group its robots (null: none). */
    public static void setRobots(DepartmentService departments, String code, String wecom, String dingtalk,
            String secret) {
        DepartmentView department = departments.get(code);
        departments.update(code, new DepartmentRequest(null, department.name(), department.kind(),
                department.phone(), department.categories(), new DutyRobotsRequest(wecom, dingtalk, secret)));
    }
}

package org.gridcase.bench;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;

/**
 * The benchmark's own streets, made through the registry as an administrator would, each in a district of its
 * own with a county code and a corner that depend on the run, so that runs on a kept database do not meet:
 * county 97RRRS (run R, street S), south-west corner at latitude 10.5 + 0.02·S (other benchmarks use 10.0),
 * longitude 0.05·R. Each street has a member of staff with a password, who logs in to the Tasklist and the API.
 */
final class BenchDistrict {

    static final String PASSWORD = "bench-password";

    /** A district supervisor (区督办), who opens the district board: every street of the database is in it. */
    static final String SUPERVISOR = "bench.supervisor";

    /** Tasklist filter property naming a unit filter's group (identity's TasklistFilters.UNIT_GROUP). */
    private static final String UNIT_GROUP = "gridcaseUnitGroup";

    private final List<TestDistrict> districts;
    private final FilterService filters;

    private BenchDistrict(List<TestDistrict> districts, FilterService filters) {
        this.districts = districts;
        this.filters = filters;
    }

    static BenchDistrict create(int streets, UnitService units, DepartmentService departments,
            IdentityService identity, FilterService filters) {
        if (streets < 1 || streets > 10) {
            throw new IllegalArgumentException("bench.streets must be 1 to 10, not " + streets);
        }
        int run = (int) (System.currentTimeMillis() % 1000);
        TestDistrict.registerTriageDepartments(departments);
        List<TestDistrict> made = new ArrayList<>();
        for (int s = 0; s < streets; s++) {
            made.add(TestDistrict.create(units, departments, "97%03d%d".formatted(run, s), 10.5 + 0.02 * s,
                    run * 0.05, "B" + (char) ('A' + s)));
        }
        BenchDistrict district = new BenchDistrict(made, filters);
        for (TestDistrict d : made) {
            User member = identity.newUser(district.memberOf(d));
            member.setFirstName("基准");
            member.setLastName("测试");
            member.setPassword(PASSWORD);
            identity.saveUser(member);
            identity.createMembership(member.getId(), streetGroup(d));
        }
        if (identity.createUserQuery().userId(SUPERVISOR).count() == 0) {
            User supervisor = identity.newUser(SUPERVISOR);
            supervisor.setFirstName("基准");
            supervisor.setLastName("督办");
            supervisor.setPassword(PASSWORD);
            identity.saveUser(supervisor);
            identity.createMembership(SUPERVISOR, CamundaGroups.SUPERVISORS);
        }
        return district;
    }

    List<TestDistrict> streets() {
        return districts;
    }

    /** The street whose filter and search are measured. */
    TestDistrict first() {
        return districts.get(0);
    }

    /** The street of the i-th report: reports go round the streets. */
    TestDistrict streetOf(int report) {
        return districts.get(report % districts.size());
    }

    String memberOf(TestDistrict d) {
        return "bench." + d.street();
    }

    static String streetGroup(TestDistrict d) {
        return CamundaGroups.ofUnit(UnitLevel.STREET, d.street());
    }

    /** The street's 本街道 filter, made by TasklistFilters when the registry made the street. */
    String streetFilterId(TestDistrict d) {
        String group = streetGroup(d);
        return Waits.until("the Tasklist filter of " + group, () -> filters.createFilterQuery().list().stream()
                .filter(f -> f.getProperties() != null && group.equals(f.getProperties().get(UNIT_GROUP)))
                .map(f -> f.getId()).findFirst().orElse(null));
    }
}

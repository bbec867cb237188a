package org.gridcase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.gridcase.PostgresTest;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.StaffRole;
import org.gridcase.registry.StaffService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** Camunda's users and groups follow the registry: created, moved and removed with the staff records. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CamundaIdentitySyncTests {

    @Autowired
    IdentityService identity;

    @Autowired
    StaffService staff;

    @Autowired
    CamundaIdentitySync sync;

    TestDistrict d;

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments) {
        d = TestDistrict.create(units, departments, "990301", 32.0, 102.0);
    }

    @Test
    void givesEveryUnitAndDepartmentAGroupNamedByItsCode() {
        assertThat(group("grid-" + d.westGrid())).isNotNull().extracting(Group::getName).isEqualTo("西网格");
        assertThat(group("community-" + d.community())).isNotNull();
        assertThat(group("street-" + d.street())).isNotNull().extracting(Group::getType).isEqualTo("WORKFLOW");
        assertThat(group("dept-" + d.department())).isNotNull().extracting(Group::getName).isEqualTo("测试城管局");
        assertThat(group("dispatchers")).isNotNull();
        assertThat(group("camunda-admin")).isNotNull().extracting(Group::getType).isEqualTo("SYSTEM");
    }

    @Test
    void twoNodesStartingTogetherSynchroniseWithoutFailing() throws Exception {
        // given: staff and a group the engine does not have yet, as on a database that two nodes meet first
        List<String> usernames = List.of("twice.a", "twice.b", "twice.c", "twice.d");
        for (String username : usernames) {
            TestDistrict.addStaff(staff, username, StaffRole.GRID_WORKER, d.eastGrid(), null);
            identity.deleteUser(username);
        }
        identity.deleteGroup("grid-" + d.eastGrid());

        // when: both nodes synchronise at the same moment, and neither fails
        Concurrently.twice(sync::synchroniseAll);

        // then
        for (String username : usernames) {
            assertThat(groupsOf(username)).containsExactly("grid-" + d.eastGrid());
        }
    }

    @Test
    void putsAGridWorkerInHerGridsGroup() {
        // when
        TestDistrict.addStaff(staff, "sync.worker", StaffRole.GRID_WORKER, d.westGrid(), null);

        // then
        assertThat(identity.createUserQuery().userId("sync.worker").singleResult())
                .satisfies(user -> {
                    assertThat(user.getFirstName()).isEqualTo("测试sync.worker");
                    assertThat(user.getLastName()).isEqualTo("网格员");
                });
        assertThat(groupsOf("sync.worker")).containsExactly("grid-" + d.westGrid());
    }

    @Test
    void putsADepartmentUserInHisDepartmentsGroup() {
        TestDistrict.addStaff(staff, "sync.dept", StaffRole.DEPARTMENT_STAFF, null, d.department());

        assertThat(groupsOf("sync.dept")).containsExactly("dept-" + d.department());
    }

    @Test
    void putsAStreetDispatcherInHisStreetAndTheDispatchers() {
        TestDistrict.addStaff(staff, "sync.dispatcher", StaffRole.STREET_DISPATCHER, d.street(), null);

        assertThat(groupsOf("sync.dispatcher")).containsExactlyInAnyOrder("street-" + d.street(), "dispatchers");
    }

    @Test
    void movesMembershipsWhenAMemberOfStaffChangesRole() {
        // given
        TestDistrict.addStaff(staff, "sync.mover", StaffRole.GRID_WORKER, d.westGrid(), null);

        // when
        TestDistrict.changeStaff(staff, "sync.mover", StaffRole.DISTRICT_SUPERVISOR, d.district(), null, true);

        // then
        assertThat(groupsOf("sync.mover")).containsExactly("supervisors");
        assertThat(identity.createUserQuery().userId("sync.mover").singleResult().getLastName()).isEqualTo("区督办人员");
    }

    @Test
    void keepsMembershipsInGroupsItDoesNotManage() {
        // given: an administrator put the worker in a group of their own making in Camunda Admin
        TestDistrict.addStaff(staff, "sync.keeper", StaffRole.GRID_WORKER, d.westGrid(), null);
        identity.saveGroup(identity.newGroup("night-shift"));
        identity.createMembership("sync.keeper", "night-shift");

        // when
        TestDistrict.changeStaff(staff, "sync.keeper", StaffRole.GRID_WORKER, d.eastGrid(), null, true);
        sync.synchroniseAll();

        // then
        assertThat(groupsOf("sync.keeper")).containsExactlyInAnyOrder("grid-" + d.eastGrid(), "night-shift");
    }

    @Test
    void removesTheLoginOfInactiveStaff() {
        TestDistrict.addStaff(staff, "sync.leaver", StaffRole.AUDITOR, d.district(), null);
        assertThat(groupsOf("sync.leaver")).containsExactly("auditors");

        TestDistrict.changeStaff(staff, "sync.leaver", StaffRole.AUDITOR, d.district(), null, false);

        assertThat(identity.createUserQuery().userId("sync.leaver").count()).isZero();
        assertThat(staff.get("sync.leaver").active()).isFalse();
    }

    @Test
    void leavesUsersThatAreNotStaffAlone() {
        // the postgres profile's first administrator comes from configuration, not from the registry
        sync.synchroniseAll();

        assertThat(groupsOf("admin")).contains("camunda-admin");
    }

    private Group group(String id) {
        return identity.createGroupQuery().groupId(id).singleResult();
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).sorted().toList();
    }
}

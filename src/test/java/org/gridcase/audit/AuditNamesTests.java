package org.gridcase.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridcase.PostgresTest;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A replay's names are looked up once (a memo per replay, timeline or report), but only for that replay: the next
 * one shows a unit or department renamed since by its new name, as the registry has it.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditNamesTests {

    @Autowired
    AuditNames names;

    @Autowired
    JdbcTemplate jdbc;

    TestDistrict d;

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments) {
        d = TestDistrict.create(units, departments, "997501", 75.0, 145.0); // a square no other test uses
    }

    @Test
    void aMemoLooksEachNameUpOnceAndTheNextMemoSeesTheRegistryAsItIsThen() {
        // given a replay's memo that has shown the street and the department
        AuditNames.Memo replay = names.memo();
        String streetGroup = CamundaGroups.ofUnit(UnitLevel.STREET, d.street());
        String departmentGroup = CamundaGroups.ofDepartment(d.department());
        assertThat(replay.unit(d.street())).isEqualTo("测试街道");
        assertThat(replay.group(streetGroup)).isEqualTo("测试街道");
        assertThat(replay.department(d.department())).isEqualTo("测试城管局");
        assertThat(replay.group(departmentGroup)).isEqualTo("测试城管局");

        // when both are renamed in the registry
        rename("registry_unit", d.street(), "改名街道");
        rename("registry_department", d.department(), "改名城管局");

        // then the replay under way keeps the names it looked up (it does not ask again)
        assertThat(replay.unit(d.street())).isEqualTo("测试街道");
        assertThat(replay.group(streetGroup)).isEqualTo("测试街道");
        assertThat(replay.department(d.department())).isEqualTo("测试城管局");
        // and the next replay shows the new names: nothing outlives its replay
        AuditNames.Memo next = names.memo();
        assertThat(next.unit(d.street())).isEqualTo("改名街道");
        assertThat(next.group(streetGroup)).isEqualTo("改名街道");
        assertThat(next.department(d.department())).isEqualTo("改名城管局");
        assertThat(next.group(departmentGroup)).isEqualTo("改名城管局");
        assertThat(names.unit(d.street())).isEqualTo("改名街道");
    }

    @Test
    void aMemoShowsCodesTheRegistryNoLongerKnowsAsTheyAreAndNullsAsNull() {
        AuditNames.Memo replay = names.memo();

        assertThat(replay.unit("997501999")).isEqualTo("997501999");
        assertThat(replay.unit("997501999")).isEqualTo("997501999");
        assertThat(replay.department("gone-dept")).isEqualTo("gone-dept");
        assertThat(replay.user("nobody.here")).isEqualTo("nobody.here");
        assertThat(replay.group("auditors")).isEqualTo(names.group("auditors"));
        assertThat(replay.unit(null)).isNull();
        assertThat(replay.department(null)).isNull();
        assertThat(replay.user(null)).isNull();
        assertThat(replay.group(null)).isNull();
    }

    private void rename(String table, String code, String name) {
        assertThat(jdbc.update("UPDATE " + table + " SET name = ? WHERE code = ?", name, code)).isOne();
    }
}

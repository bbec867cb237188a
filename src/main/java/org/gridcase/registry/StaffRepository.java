package org.gridcase.registry;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaffRepository extends JpaRepository<Staff, String> {

    List<Staff> findByUnitCodeOrderByUsername(String unitCode);

    List<Staff> findByDepartmentCodeOrderByUsername(String departmentCode);

    List<Staff> findByRoleOrderByUsername(StaffRole role);
}

package org.gridcase.registry;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MediationTeamRepository extends JpaRepository<MediationTeam, String> {

    List<MediationTeam> findByUnitCodeAndActiveTrueOrderByCode(String unitCode);
}

package org.gridcase.workbench;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface UrgeRepository extends JpaRepository<Urge, Long> {

    List<Urge> findByCaseNumberOrderByUrgedAtAsc(String caseNumber);
}

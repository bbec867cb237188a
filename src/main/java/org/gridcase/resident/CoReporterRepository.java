package org.gridcase.resident;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CoReporterRepository extends JpaRepository<CoReporter, Long> {

    List<CoReporter> findByCaseNumber(String caseNumber);

    long countByCaseNumber(String caseNumber);

    List<CoReporter> findByPhone(String phone);
}

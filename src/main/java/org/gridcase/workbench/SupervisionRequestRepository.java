package org.gridcase.workbench;

import org.springframework.data.jpa.repository.JpaRepository;

interface SupervisionRequestRepository extends JpaRepository<SupervisionRequest, String> {
}

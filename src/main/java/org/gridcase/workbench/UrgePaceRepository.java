package org.gridcase.workbench;

import org.springframework.data.jpa.repository.JpaRepository;

interface UrgePaceRepository extends JpaRepository<UrgePace, String> {
}

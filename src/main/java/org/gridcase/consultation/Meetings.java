package org.gridcase.consultation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

interface Meetings extends Repository<Meeting, Long> {

    Meeting save(Meeting meeting);

    @EntityGraph(attributePaths = "commitments")
    Optional<Meeting> findByProcessInstanceId(String processInstanceId);

    @EntityGraph(attributePaths = "commitments")
    List<Meeting> findByCaseNumberOrderByConvenedAt(String caseNumber);
}

package org.gridcase.casework;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseNumberSequenceRepository extends JpaRepository<CaseNumberSequence, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from CaseNumberSequence s where s.sequenceKey = :key")
    Optional<CaseNumberSequence> lockForUpdate(@Param("key") String key);
}

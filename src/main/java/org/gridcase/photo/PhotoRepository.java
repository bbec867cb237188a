package org.gridcase.photo;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PhotoRepository extends JpaRepository<Photo, String> {

    List<Photo> findByCaseNumberOrderByAttachedAtAscIdAsc(String caseNumber);

    /**
     * Attaches the photo to the case unless another case already has it: one statement, so of two attaching the
     * same photo to two cases at once exactly one wins. 0 when the photo does not exist or belongs elsewhere.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Photo p set p.caseNumber = :caseNumber, p.stage = :stage, p.attachedBy = :by, p.attachedAt = :at"
            + " where p.id = :id and (p.caseNumber is null or p.caseNumber = :caseNumber)")
    int attach(@Param("id") String id, @Param("caseNumber") String caseNumber, @Param("stage") String stage,
            @Param("by") String by, @Param("at") Instant at);
}

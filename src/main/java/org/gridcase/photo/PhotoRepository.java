package org.gridcase.photo;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
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

    /**
     * Claims an upload for the case a report opens with it, unless a case already has it. Does not clear the
     * persistence context (unlike {@link #attach}): it runs inside the opening transaction, whose case record is
     * still being written.
     */
    @Modifying
    @Query("update Photo p set p.caseNumber = :caseNumber, p.stage = :stage, p.attachedBy = :by, p.attachedAt = :at"
            + " where p.id = :id and p.caseNumber is null")
    int claim(@Param("id") String id, @Param("caseNumber") String caseNumber, @Param("stage") String stage,
            @Param("by") String by, @Param("at") Instant at);

    /** Uploads no case has claimed, uploaded before {@code before}: the oldest first, at most a batch. */
    @Query("select p.id from Photo p where p.caseNumber is null and p.createdAt < :before order by p.createdAt")
    List<String> unattachedBefore(@Param("before") Instant before, Limit limit);

    /**
     * Deletes the row if it is still unattached and old: 0 when another node deleted it first or a case claimed
     * it meanwhile, so two nodes cleaning at once, or a report arriving at the last moment, do no harm.
     */
    @Modifying
    @Query("delete from Photo p where p.id = :id and p.caseNumber is null and p.createdAt < :before")
    int deleteUnattached(@Param("id") String id, @Param("before") Instant before);
}

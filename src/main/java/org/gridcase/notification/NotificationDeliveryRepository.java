package org.gridcase.notification;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface NotificationDeliveryRepository extends JpaRepository<NotificationDelivery, Long> {

    /** SELECT ... FOR UPDATE: the sending job holds the row until it commits, so a second sender waits and then sees SENT. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from NotificationDelivery d where d.id = :id")
    Optional<NotificationDelivery> lockById(Long id);

    long countByChannelAndStatus(String channel, NotificationDelivery.Status status);

    List<NotificationDelivery> findByMessageIdInOrderByIdAsc(Collection<Long> messageIds);

    List<NotificationDelivery> findByStatusOrderByIdDesc(NotificationDelivery.Status status, Pageable page);

    List<NotificationDelivery> findAllByOrderByIdDesc(Pageable page);

    /** Rows of channel, status and count (an Object[] each: an interface projection cannot name the package's enum). */
    @Query("select d.channel, d.status, count(d) from NotificationDelivery d group by d.channel, d.status")
    List<Object[]> countsByChannelAndStatus();

    @Query("select d from NotificationDelivery d where d.status = org.gridcase.notification.NotificationDelivery.Status.SENT"
            + " and d.sentAt >= :since")
    List<NotificationDelivery> sentSince(java.time.Instant since);
}

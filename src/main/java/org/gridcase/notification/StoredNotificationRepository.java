package org.gridcase.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredNotificationRepository extends JpaRepository<StoredNotification, Long> {

    List<StoredNotification> findByCaseNumberOrderByIdAsc(String caseNumber);
}

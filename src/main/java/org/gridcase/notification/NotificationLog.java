package org.gridcase.notification;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the stored channel has sent about a case, oldest first. */
@Service
@Transactional(readOnly = true)
public class NotificationLog {

    private final StoredNotificationRepository messages;

    NotificationLog(StoredNotificationRepository messages) {
        this.messages = messages;
    }

    public List<NotificationView> about(String caseNumber) {
        return messages.findByCaseNumberOrderByIdAsc(caseNumber).stream().map(StoredNotification::view).toList();
    }
}

package org.gridcase.casework;

import java.util.List;

import org.gridcase.notification.NotificationView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What was sent about a case, for the staff who work on it (masked as {@link CaseNotifications} says). */
@RestController
class CaseNotificationController {

    private final CaseNotifications notifications;

    CaseNotificationController(CaseNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/cases/{caseNumber}/notifications")
    List<NotificationView> list(@PathVariable("caseNumber") String caseNumber) {
        return notifications.list(caseNumber);
    }
}

package org.gridcase.casework;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcase.notification.DeliveryView;
import org.gridcase.notification.NotificationView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What was sent about a case, for the staff who work on it (masked as {@link CaseNotifications} says). */
@Tag(name = "工单 · Cases")
@RestController
class CaseNotificationController {

    private final CaseNotifications notifications;

    CaseNotificationController(CaseNotifications notifications) {
        this.notifications = notifications;
    }

    @Operation(summary = "查看工单已发通知 · Read the notifications a case sent")
    @GetMapping("/api/cases/{caseNumber}/notifications")
    List<NotificationView> list(@PathVariable("caseNumber") String caseNumber) {
        return notifications.list(caseNumber);
    }

    @Operation(summary = "查看工单通知的投递记录 · Read how a case's notifications were delivered, try by try")
    @GetMapping("/api/cases/{caseNumber}/notification-deliveries")
    List<DeliveryView> deliveries(@PathVariable("caseNumber") String caseNumber) {
        return notifications.deliveries(caseNumber);
    }
}

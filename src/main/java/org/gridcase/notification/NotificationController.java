package org.gridcase.notification;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What was sent about a case, for staff. */
@RestController
class NotificationController {

    private final NotificationLog log;

    NotificationController(NotificationLog log) {
        this.log = log;
    }

    @GetMapping("/api/cases/{caseNumber}/notifications")
    List<NotificationView> list(@PathVariable("caseNumber") String caseNumber) {
        return log.about(caseNumber);
    }
}

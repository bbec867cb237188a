package org.gridcase.casework;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcase.notification.NotificationLog;
import org.gridcase.notification.NotificationView;
import org.gridcase.system.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What was sent about a case, for the staff who work on it. A message to the reporter names their phone (as its
 * recipient, and in any text), so it is masked the way the case view masks it. Here rather than in the
 * notification module, which knows nothing of cases and who may read them.
 */
@Tag(name = "工单 · Cases")
@RestController
class CaseNotificationController {

    private final CaseAccess access;
    private final NotificationLog log;

    CaseNotificationController(CaseAccess access, NotificationLog log) {
        this.access = access;
        this.log = log;
    }

    @Operation(summary = "查看工单已发通知 · Read the notifications a case sent")
    @GetMapping("/api/cases/{caseNumber}/notifications")
    List<NotificationView> list(@PathVariable("caseNumber") String caseNumber) {
        CaseAccess.Scope scope = access.current();
        CaseRecord record = access.workedOn(scope, caseNumber)
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        return log.about(caseNumber).stream()
                .map(sent -> new NotificationView(scope.shown(record, sent.recipient()), sent.caseNumber(),
                        sent.template(), scope.shown(record, sent.text()), sent.sentAt()))
                .toList();
    }
}

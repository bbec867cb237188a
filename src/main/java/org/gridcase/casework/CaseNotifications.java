package org.gridcase.casework;

import java.util.List;

import org.gridcase.notification.DeliveryView;
import org.gridcase.notification.NotificationLog;
import org.gridcase.notification.NotificationView;
import org.gridcase.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What was sent about a case, for the staff who work on it. A message to the reporter names their phone (as its
 * recipient, and in any text), so it is masked the way the case view masks it. Here rather than in the
 * notification module, which knows nothing of cases and who may read them.
 */
@Service
@Transactional(readOnly = true)
public class CaseNotifications {

    private final CaseAccess access;
    private final NotificationLog log;

    CaseNotifications(CaseAccess access, NotificationLog log) {
        this.access = access;
        this.log = log;
    }

    /** The case's notifications, oldest first; 404 for a case the caller does not work on. */
    public List<NotificationView> list(String caseNumber) {
        CaseAccess.Scope scope = access.current();
        CaseRecord record = access.workedOn(scope, caseNumber)
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        return log.about(caseNumber).stream()
                .map(sent -> new NotificationView(scope.shown(record, sent.recipient()), sent.caseNumber(),
                        sent.template(), scope.shown(record, sent.text()), sent.sentAt()))
                .toList();
    }

    /** Each try to deliver the case's messages (phones masked whoever asks); 404 as {@link #list}. */
    public List<DeliveryView> deliveries(String caseNumber) {
        CaseAccess.Scope scope = access.current();
        access.workedOn(scope, caseNumber).orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        return log.deliveriesAbout(caseNumber);
    }
}

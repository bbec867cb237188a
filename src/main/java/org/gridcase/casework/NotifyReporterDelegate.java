package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridcase.notification.NotificationTemplate;
import org.gridcase.notification.Notifications;
import org.gridcase.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_NotifyReporter: tells the reporter the result (the lead department's, or the grid worker's when it was
 * handled on receipt). An anonymous report has no phone to tell: the return visit still follows.
 */
@Component("notifyReporterDelegate")
class NotifyReporterDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(NotifyReporterDelegate.class);

    private final Notifications notifications;
    private final CaseFile cases;
    private final ReporterMessages reporterMessages;

    NotifyReporterDelegate(CaseFile cases, Notifications notifications, ReporterMessages reporterMessages) {
        this.cases = cases;
        this.notifications = notifications;
        this.reporterMessages = reporterMessages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        CaseHeader header = cases.header(caseNumber);
        // the reporter and the residents who joined the case (我也遇到了) hear the same result
        List<String> phones = reporterMessages.phonesOf(caseNumber, header);
        if (phones.isEmpty()) {
            log.info("Case {} has no reporter phone: no feedback message sent", caseNumber);
            return;
        }
        String result = CaseFile.text(execution, HANDLING_RESULT);
        if (result == null) {
            result = CaseFile.text(execution, ON_THE_SPOT_NOTE);
        }
        Map<String, String> parameters = Map.of(
                "streetName", String.valueOf(header.streetName()),
                "caseNumber", caseNumber,
                "categoryName", String.valueOf(header.categoryName()),
                "result", result == null ? "已处理" : withoutFinalStop(result));
        for (String phone : phones) {
            notifications.send(Recipient.reporter(phone), caseNumber, NotificationTemplate.REPORTER_FEEDBACK,
                    parameters);
        }
    }

    /** The template ends the sentence itself: "已更换灯泡。" would end it twice. */
    static String withoutFinalStop(String result) {
        return result.strip().replaceAll("[。．.！!]+$", "");
    }
}

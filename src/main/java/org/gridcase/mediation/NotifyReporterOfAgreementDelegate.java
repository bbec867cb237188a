package org.gridcase.mediation;

import static org.gridcase.mediation.MediationVariables.*;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridcase.casework.ReporterMessages;
import org.gridcase.worktime.OfficeHours;
import org.springframework.stereotype.Component;

/**
 * Task_NotifyReporterOfAgreement: the reporter (and the residents who joined the case) hear of the agreement when
 * it is signed: its terms and the day by which the community checks its performance. That day is fixed here, from
 * the proposal's followUpAfter in working time, and Event_FollowUpDue waits for the same date, so the message and
 * the follow-up cannot disagree.
 */
@Component("notifyReporterOfAgreementDelegate")
class NotifyReporterOfAgreementDelegate implements JavaDelegate {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M 月 d 日");

    private final ProcessEngineConfigurationImpl engine;
    private final ReporterMessages reporterMessages;
    private final ZoneId zone;

    NotifyReporterOfAgreementDelegate(ProcessEngineConfigurationImpl engine, ReporterMessages reporterMessages,
            OfficeHours officeHours) {
        this.engine = engine;
        this.reporterMessages = reporterMessages;
        this.zone = officeHours.zone();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date due = engine.getBusinessCalendarManager().getBusinessCalendar(DueDateBusinessCalendar.NAME)
                .resolveDuedate((String) execution.getVariable(FOLLOW_UP_AFTER));
        execution.setVariable(FOLLOW_UP_DUE, due);
        reporterMessages.agreementReached(execution.getProcessBusinessKey(),
                String.valueOf(text(execution.getVariable(MEDIATION_RESULT))), DAY.format(due.toInstant().atZone(zone)));
    }
}

package org.gridcase.consultation;

import static org.gridcase.consultation.ConsultationVariables.*;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.gridcase.registry.DepartmentService;
import org.gridcase.system.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task_ConveneMeeting, on completion: the meeting's subject, time and place, and whom it invites (parties of the
 * registry, resident representatives by name). A meeting that invites nobody, or a party the registry does not
 * know, is refused so the convening unit can correct it. The meeting's record starts here.
 */
@Component("conveneMeetingTaskListener")
class ConveneMeetingTaskListener implements TaskListener {

    private final Meetings meetings;
    private final DepartmentService registry;
    private final ZoneId zone;

    ConveneMeetingTaskListener(Meetings meetings, DepartmentService registry,
            @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.meetings = meetings;
        this.registry = registry;
        this.zone = zone;
    }

    @Override
    public void notify(DelegateTask task) {
        String subject = FormValues.limited(FormValues.required(task.getVariable(MEETING_SUBJECT), MEETING_SUBJECT,
                "议题"), 200, MEETING_SUBJECT, "议题");
        Instant at = FormValues.instant(FormValues.required(task.getVariable(MEETING_AT), MEETING_AT, "会议时间"),
                zone, MEETING_AT, "会议时间");
        String place = FormValues.limited(FormValues.text(task.getVariable(MEETING_PLACE)), 200, MEETING_PLACE,
                "会议地点");
        List<String> parties = FormValues.codes(task.getVariable(INVITED_PARTIES));
        String residents = FormValues.limited(FormValues.text(task.getVariable(RESIDENT_REPRESENTATIVES)), 500,
                RESIDENT_REPRESENTATIVES, "居民代表");
        if (parties.isEmpty()) {
            throw new InvalidRequestException(INVITED_PARTIES, "至少邀请一个参会单位");
        }
        List<String> unknown = parties.stream().filter(code -> registry.find(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(INVITED_PARTIES, "没有这些单位：" + String.join("、", unknown));
        }
        List<String> inactive = parties.stream().filter(code -> registry.findOffered(code).isEmpty()).toList();
        if (!inactive.isEmpty()) {
            throw new InvalidRequestException(INVITED_PARTIES, "这些单位已停用，不能邀请：" + String.join("、", inactive));
        }
        String instance = task.getProcessInstanceId();
        if (meetings.findByProcessInstanceId(instance).isEmpty()) {
            meetings.save(new Meeting(task.getExecution().getProcessBusinessKey(), instance,
                    (String) task.getVariable(CONVENER_GROUP), subject, at, place.isEmpty() ? null : place, parties,
                    residents.isEmpty() ? null : residents, ClockUtil.getCurrentTime().toInstant()));
        }
        // the checklist's JSON becomes a plain list, as the record and the next form read it
        task.getExecution().setVariable(INVITED_PARTIES, Variables.objectValue(new java.util.ArrayList<>(parties))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
}

package org.gridcase.consultation;

import static org.gridcase.consultation.ConsultationVariables.*;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.gridcase.system.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task_RecordMeeting, on completion: who came, the minutes, and the resolution as the form's list of rows (party,
 * what it does, by when). Empty rows are ignored; a row with some fields but not all, a party the registry does not
 * know, a deadline already past, or a resolution without any commitment is refused, naming the row. The rows
 * become {@code commitments}, the list SubProcess_Commitment runs over: plain maps of text, so the process holds no
 * Java type of ours.
 */
@Component("recordMeetingTaskListener")
class RecordMeetingTaskListener implements TaskListener {

    static final int MAX_COMMITMENTS = 20;

    private final Meetings meetings;
    private final DepartmentService registry;
    private final ZoneId zone;

    RecordMeetingTaskListener(Meetings meetings, DepartmentService registry,
            @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.meetings = meetings;
        this.registry = registry;
        this.zone = zone;
    }

    @Override
    public void notify(DelegateTask task) {
        String attendees = FormValues.limited(FormValues.required(task.getVariable(ATTENDEES), ATTENDEES, "参会人员"),
                2000, ATTENDEES, "参会人员");
        String minutes = FormValues.limited(FormValues.required(task.getVariable(MINUTES), MINUTES, "会议纪要"), 8000,
                MINUTES, "会议纪要");
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<Map<String, String>> rows;
        try {
            rows = FormValues.rows(task.getVariable(COMMITMENT_ROWS));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(COMMITMENT_ROWS, "议定事项应为列表");
        }
        List<Map<String, Object>> commitments = new ArrayList<>();
        List<Commitment> records = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String party = FormValues.text(row.get(PARTY));
            String what = FormValues.text(row.get(TASK));
            String deadline = FormValues.text(row.get(DEADLINE));
            if (party.isEmpty() && what.isEmpty() && deadline.isEmpty()) {
                continue;
            }
            String field = COMMITMENT_ROWS + "[" + (i + 1) + "]";
            String label = "第 " + (i + 1) + " 项议定事项";
            if (party.isEmpty() || what.isEmpty() || deadline.isEmpty()) {
                throw new InvalidRequestException(field, label + "须写明责任单位、承诺内容和完成期限");
            }
            DepartmentView unit = registry.find(party)
                    .orElseThrow(() -> new InvalidRequestException(field, label + "的责任单位不存在：" + party));
            if (!unit.active()) {
                throw new InvalidRequestException(field, label + "的责任单位已停用：" + unit.name());
            }
            FormValues.limited(what, 500, field, label + "的承诺内容");
            Instant due = FormValues.instant(deadline, zone, field, label + "的完成期限");
            if (!due.isAfter(now)) {
                throw new InvalidRequestException(field, label + "的完成期限已过");
            }
            int seq = commitments.size() + 1;
            Map<String, Object> commitment = new LinkedHashMap<>();
            commitment.put(SEQ, seq);
            commitment.put(PARTY, unit.code());
            commitment.put(PARTY_NAME, unit.name());
            commitment.put(TASK, what);
            commitment.put(DEADLINE, due.toString());
            commitments.add(commitment);
            records.add(new Commitment(seq, unit.code(), unit.name(), what, due));
        }
        if (commitments.isEmpty()) {
            throw new InvalidRequestException(COMMITMENT_ROWS, "至少议定一项由责任单位落实的事项");
        }
        if (commitments.size() > MAX_COMMITMENTS) {
            throw new InvalidRequestException(COMMITMENT_ROWS, "议定事项不能超过 " + MAX_COMMITMENTS + " 项");
        }
        Meeting meeting = meetings.findByProcessInstanceId(task.getProcessInstanceId())
                .orElseThrow(() -> new IllegalStateException("no meeting for " + task.getProcessInstanceId()));
        meeting.record(attendees, minutes, records, now);
        meetings.save(meeting);
        task.getExecution().setVariable(COMMITMENTS, Variables.objectValue(commitments)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
}

package org.gridcase.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.casework.Channel;
import org.gridcase.casework.NewCase;
import org.gridcase.casework.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine counts working time from the holiday table: task due dates, timers, and their recalculation. */
class WorkingTimeProcessTests extends ProcessTestSupport {

    /** Tuesday 30 September 2025, 16:00: the last working afternoon before the National Day holiday. */
    static final OffsetDateTime BEFORE_NATIONAL_DAY = OffsetDateTime.parse("2025-09-30T16:00:00+08:00");

    @Autowired
    CalendarAdministration calendar;

    WorkingTimeProcessTests() {
        super("990901", 36.0, 106.0, BEFORE_NATIONAL_DAY);
    }

    @Test
    void givesAThreeWorkingDayLimitReportedBeforeTheHolidayTheOfficialDueDate() {
        // given: buses blocking a road, handled within 3 working days (ReportTriage.dmn)
        ProcessInstance instance = busBlockingCase();
        complete(task(), withVariables("departments", List.of("jiaojing", "gongjiao"), "leadDepartment", "jiaojing"));

        // then: check-in within 2 working hours: 1.5 h on 09-30, then 10-09 from 08:30
        Instant checkInDue = at("2025-10-09T09:00:00+08:00");
        for (Task checkIn : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
            assertThat(checkIn.getDueDate().toInstant()).isEqualTo(checkInDue);
        }
        for (Job timer : timers(instance, "BoundaryEvent_CheckInOverdue")) {
            assertThat(timer.getDuedate().toInstant()).isEqualTo(checkInDue);
        }

        // when
        for (Task checkIn : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
            complete(checkIn, withVariables("checkInNote", "已到场"));
            continueAfterCheckIn(instance);
        }

        // then: 21 working hours: 1.5 h on 09-30, 7 h on 10-09 and 10-10, 5.5 h on Saturday 10-11 (调休上班)
        Instant handlingDue = at("2025-10-11T16:00:00+08:00");
        assertThat(instance).isWaitingAt("Task_HandleOnSite");
        assertThat(task().getDueDate().toInstant()).as("the task's due date").isEqualTo(handlingDue);
        assertThat(job("BoundaryEvent_HandlingOverdue").getDuedate().toInstant()).as("its timer")
                .isEqualTo(handlingDue);
    }

    @Test
    void movesAnOpenTimerAndDueDateWhenTheHolidayTableChanges() {
        // given: check-ins due 10-09 09:00
        ProcessInstance instance = busBlockingCase();
        complete(task(), withVariables("departments", List.of("jiaojing"), "leadDepartment", "jiaojing"));
        List<CalendarDayView> official = calendar.year(2025);

        try {
            // when: the administrator corrects 2025: 10-09 is off as well
            List<CalendarYearRequest.Day> corrected = new ArrayList<>();
            official.forEach(day -> corrected.add(new CalendarYearRequest.Day(day.date(), day.kind(), day.name())));
            corrected.add(new CalendarYearRequest.Day(LocalDate.of(2025, 10, 9), DayKind.HOLIDAY, "测试：补充放假"));
            calendar.replaceYear(2025, new CalendarYearRequest(corrected));

            // then: the check-in now falls due on 10-10 at 09:00, timer and task alike
            Instant moved = at("2025-10-10T09:00:00+08:00");
            assertThat(timers(instance, "BoundaryEvent_CheckInOverdue")).singleElement()
                    .satisfies(timer -> assertThat(timer.getDuedate().toInstant()).isEqualTo(moved));
            assertThat(task().getDueDate().toInstant()).isEqualTo(moved);
            // the warning, 96 working minutes after 16:00 on 09-30, moves from 10-09 08:36 to 10-10 08:36
            assertThat(timers(instance, "BoundaryEvent_CheckInWarning")).singleElement().satisfies(timer ->
                    assertThat(timer.getDuedate().toInstant()).isEqualTo(at("2025-10-10T08:36:00+08:00")));
        } finally {
            calendar.replaceYear(2025, new CalendarYearRequest(official.stream()
                    .map(day -> new CalendarYearRequest.Day(day.date(), day.kind(), day.name())).toList()));
        }
        assertThat(task().getDueDate().toInstant()).as("back to the official arrangement")
                .isEqualTo(at("2025-10-09T09:00:00+08:00"));
    }

    @Test
    void countsTheHandlingDeadlineAgainWhenTheHolidayTableChanges() {
        // given: handling due 10-11 16:00 (see above)
        ProcessInstance instance = busBlockingCase();
        complete(task(), withVariables("departments", List.of("jiaojing"), "leadDepartment", "jiaojing"));
        complete(task(), withVariables("checkInNote", "已到场"));
        continueAfterCheckIn(instance);
        assertThat(instance).isWaitingAt("Task_HandleOnSite");
        List<CalendarDayView> official = calendar.year(2025);

        try {
            // when: Saturday 10-11 turns out not to be a make-up working day after all
            calendar.replaceYear(2025, new CalendarYearRequest(official.stream()
                    .filter(day -> !day.date().equals(LocalDate.of(2025, 10, 11)))
                    .map(day -> new CalendarYearRequest.Day(day.date(), day.kind(), day.name())).toList()));

            // then: the last 5.5 working hours fall on Monday 10-13
            Instant moved = at("2025-10-13T16:00:00+08:00");
            assertThat(task().getDueDate().toInstant()).as("the task's due date").isEqualTo(moved);
            assertThat(job("BoundaryEvent_HandlingOverdue").getDuedate().toInstant()).as("its timer").isEqualTo(moved);
            assertThat(instance).variables().containsEntry("handlingDue", Date.from(moved));
        } finally {
            calendar.replaceYear(2025, new CalendarYearRequest(official.stream()
                    .map(day -> new CalendarYearRequest.Day(day.date(), day.kind(), day.name())).toList()));
        }
    }

    private ProcessInstance busBlockingCase() {
        ProcessInstance instance = opened(new NewCase("TRAFFIC.BUS_BLOCKING", null, "公交车排队堵路", "测试社区东门",
                null, null, d.westGrid(), null, null, Channel.HOTLINE_12345, List.of()));
        assertThat(instance).isWaitingAt("Task_BlowWhistle");
        return instance;
    }

    private List<Job> timers(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list();
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}

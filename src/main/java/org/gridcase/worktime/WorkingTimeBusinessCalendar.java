package org.gridcase.worktime;

import java.util.Date;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The notation designers write in BPMN and DMN: {@code working:P3D} or {@code working:PT2H} counts working time
 * (office hours on working days); anything else (a plain {@code PT30M}, a date) is calendar time, resolved by
 * the engine's own calendar as before. Emergencies run on the clock; complaints run on working days.
 */
public class WorkingTimeBusinessCalendar implements BusinessCalendar {

    public static final String PREFIX = "working:";

    private final WorkingCalendar calendar;
    private final BusinessCalendar calendarTime;

    WorkingTimeBusinessCalendar(WorkingCalendar calendar, BusinessCalendar calendarTime) {
        this.calendar = calendar;
        this.calendarTime = calendarTime;
    }

    public static boolean isWorkingTime(String expression) {
        return expression != null && expression.trim().startsWith(PREFIX);
    }

    @Override
    public Date resolveDuedate(String expression) {
        return resolveDuedate(expression, ClockUtil.getCurrentTime());
    }

    @Override
    public Date resolveDuedate(String expression, Date start) {
        if (!isWorkingTime(expression)) {
            return calendarTime.resolveDuedate(expression, start);
        }
        WorkingDuration limit = WorkingDuration.parse(expression.trim().substring(PREFIX.length()));
        return Date.from(calendar.plus(start.toInstant(), limit));
    }

    /** A task's due date is counted from the task's creation. */
    @Override
    public Date resolveDuedate(String expression, Task task) {
        if (!isWorkingTime(expression)) {
            return calendarTime.resolveDuedate(expression, task);
        }
        Date created = task.getCreateTime() != null ? task.getCreateTime() : ClockUtil.getCurrentTime();
        return resolveDuedate(expression, created);
    }
}

package org.gridcase.worktime;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Working time for Camunda expressions, as the bean {@code workingTime}: Tasklist filters ask for
 * {@code ${workingTime.hoursAhead(4)}} ("due within the next four working hours"), and forms are given the
 * working time left on a task. The engine's clock is "now", so tests that move it see the same answers.
 */
@Component("workingTime")
public class WorkingTimeExpressions {

    private final WorkingCalendar calendar;

    WorkingTimeExpressions(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The instant when the given number of working hours from now have passed. */
    public Date hoursAhead(int hours) {
        return Date.from(calendar.plus(now(), Duration.ofHours(hours)));
    }

    /** Working time from now until the deadline (zero once it has passed). */
    public Duration leftUntil(Instant deadline) {
        return calendar.between(now(), deadline);
    }

    /** The working time left, as staff read it: "剩余 1 个工作日 3 小时 20 分" or "已超时". */
    public String describeLeft(Instant deadline) {
        if (!deadline.isAfter(now())) {
            return "已超时";
        }
        Duration left = leftUntil(deadline);
        long workingDayMinutes = calendar.officeHours().workingDay().toMinutes();
        long minutes = left.toMinutes();
        long days = minutes / workingDayMinutes;
        long hours = (minutes % workingDayMinutes) / 60;
        long rest = minutes % 60;
        StringBuilder text = new StringBuilder("剩余 ");
        if (days > 0) {
            text.append(days).append(" 个工作日 ");
        }
        if (hours > 0) {
            text.append(hours).append(" 小时 ");
        }
        if (days == 0 && (rest > 0 || hours == 0)) {
            text.append(rest).append(" 分");
        }
        return text.toString().trim() + "（工作时间）";
    }

    /**
     * The time left in the kind of time the task's limit counts (its notation, as in the DMN): working time for
     * {@code working:P3D}, the clock for {@code PT30M} (emergencies), "剩余 25 分钟". An unknown limit counts
     * working time, as most limits do.
     */
    public String describeLeft(Instant deadline, String limit) {
        if (limit == null || limit.isBlank() || WorkingTimeBusinessCalendar.isWorkingTime(limit)) {
            return describeLeft(deadline);
        }
        if (!deadline.isAfter(now())) {
            return "已超时";
        }
        long minutes = Duration.between(now(), deadline).toMinutes();
        long hours = minutes / 60;
        String text = "剩余 " + (hours > 0 ? hours + " 小时 " : "");
        return (hours == 0 || minutes % 60 > 0 ? text + minutes % 60 + " 分钟" : text).trim();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}

package org.gridcase.worktime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Service;

/**
 * Counts working time: office hours on working days. A working day is a Monday to Friday that the official
 * arrangement does not give off, or a weekend day it makes a working day (调休上班).
 */
@Service
public class WorkingCalendar {

    /** No limit gridcase knows runs this long; a longer search means a broken holiday table. */
    private static final int MAX_DAYS_SEARCHED = 3 * 366;

    private final HolidayArrangements arrangements;
    private final OfficeHours hours;

    WorkingCalendar(HolidayArrangements arrangements, OfficeHours hours) {
        this.arrangements = arrangements;
        this.hours = hours;
    }

    public boolean isWorkingDay(LocalDate date) {
        return arrangements.kindOf(date)
                .map(kind -> kind == DayKind.WORKDAY)
                .orElse(date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY);
    }

    public OfficeHours officeHours() {
        return hours;
    }

    /**
     * The instant when the given working time has passed after {@code start}. A start outside office hours counts
     * from the next opening; a limit that ends exactly at closing time ends then, not at the next opening.
     */
    public Instant plus(Instant start, WorkingDuration limit) {
        return plus(start, limit.in(hours));
    }

    public Instant plus(Instant start, Duration workingTime) {
        Duration remaining = workingTime;
        if (remaining.isZero() || remaining.isNegative()) {
            return start;
        }
        ZonedDateTime now = start.atZone(hours.zone());
        for (int day = 0; day < MAX_DAYS_SEARCHED; day++) {
            LocalDate date = now.toLocalDate();
            if (isWorkingDay(date)) {
                for (OfficeHours.Period period : hours.periods()) {
                    ZonedDateTime opens = date.atTime(period.start()).atZone(hours.zone());
                    ZonedDateTime closes = date.atTime(period.end()).atZone(hours.zone());
                    if (!now.isBefore(closes)) {
                        continue;
                    }
                    if (now.isBefore(opens)) {
                        now = opens;
                    }
                    Duration available = Duration.between(now, closes);
                    if (remaining.compareTo(available) <= 0) {
                        return now.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                    now = closes;
                }
            }
            now = date.plusDays(1).atStartOfDay(hours.zone());
        }
        throw new IllegalStateException("No end of " + workingTime + " of working time within "
                + MAX_DAYS_SEARCHED + " days after " + start + ": check the holiday arrangements");
    }

    /** The working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        ZonedDateTime start = from.atZone(hours.zone());
        ZonedDateTime end = to.atZone(hours.zone());
        for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (OfficeHours.Period period : hours.periods()) {
                ZonedDateTime opens = max(date.atTime(period.start()).atZone(hours.zone()), start);
                ZonedDateTime closes = min(date.atTime(period.end()).atZone(hours.zone()), end);
                if (closes.isAfter(opens)) {
                    total = total.plus(Duration.between(opens, closes));
                }
            }
        }
        return total;
    }

    private static ZonedDateTime max(ZonedDateTime a, ZonedDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static ZonedDateTime min(ZonedDateTime a, ZonedDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}

package org.gridcase.worktime;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gridcase.system.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and replaces the holiday arrangement of a year. */
@Service
public class CalendarAdministration {

    private static final Logger log = LoggerFactory.getLogger(CalendarAdministration.class);

    private final CalendarDayRepository days;
    private final StoredHolidayArrangements arrangements;
    private final ApplicationEventPublisher events;

    CalendarAdministration(CalendarDayRepository days, StoredHolidayArrangements arrangements,
            ApplicationEventPublisher events) {
        this.days = days;
        this.arrangements = arrangements;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<CalendarDayView> year(int year) {
        return days.findByCalendarDateBetweenOrderByCalendarDate(first(year), last(year)).stream().map(CalendarDay::view).toList();
    }

    /** Replaces the year as a whole, so a correction never leaves half of an old arrangement behind. */
    @Transactional
    List<CalendarDayView> replaceYear(int year, CalendarYearRequest request) {
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < request.days().size(); i++) {
            LocalDate date = request.days().get(i).date();
            if (date.getYear() != year) {
                throw new InvalidRequestException("days[" + i + "].date", date + " 不在 " + year + " 年内");
            }
            if (!seen.add(date)) {
                throw new InvalidRequestException("days[" + i + "].date", date + " 重复");
            }
        }
        List<CalendarDayView> before = year(year);
        days.deleteBetween(first(year), last(year));
        request.days().forEach(day -> days.save(new CalendarDay(day.date(), day.kind(), day.name())));
        days.flush();
        arrangements.forget(year);
        events.publishEvent(new WorkingCalendarChanged(year));
        log.info("Holiday arrangement for {} replaced: {} days before, {} days now", year, before.size(),
                request.days().size());
        return year(year);
    }

    private static LocalDate first(int year) {
        return LocalDate.of(year, 1, 1);
    }

    private static LocalDate last(int year) {
        return LocalDate.of(year, 12, 31);
    }
}

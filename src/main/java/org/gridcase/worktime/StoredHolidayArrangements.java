package org.gridcase.worktime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The arrangements in the database, read a year at a time. Timers and due dates are resolved inside engine
 * commands, often many at once, so a year is kept for a minute: long enough to spare the database, short enough
 * that other nodes see an administrator's correction soon; the node that made it forgets at once.
 */
@Component
class StoredHolidayArrangements implements HolidayArrangements {

    private static final Logger log = LoggerFactory.getLogger(StoredHolidayArrangements.class);
    private static final Duration KEEP = Duration.ofMinutes(1);

    private record Year(Map<LocalDate, DayKind> days, Instant readAt) {
    }

    private final CalendarDayRepository days;
    private final Map<Integer, Year> years = new ConcurrentHashMap<>();
    private final Set<Integer> missingYearsReported = ConcurrentHashMap.newKeySet();

    StoredHolidayArrangements(CalendarDayRepository days) {
        this.days = days;
    }

    @Override
    public Optional<DayKind> kindOf(LocalDate date) {
        Year year = years.get(date.getYear());
        if (year == null || year.readAt().plus(KEEP).isBefore(Instant.now())) {
            year = read(date.getYear());
            years.put(date.getYear(), year);
        }
        return Optional.ofNullable(year.days().get(date));
    }

    void forget(int year) {
        years.remove(year);
    }

    private Year read(int year) {
        Map<LocalDate, DayKind> found = days.findByCalendarDateBetweenOrderByCalendarDate(LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31)).stream().collect(Collectors.toMap(CalendarDay::day, CalendarDay::kind));
        if (found.isEmpty() && missingYearsReported.add(year)) {
            log.warn("No holiday arrangement for {}: counting Monday to Friday as working days. "
                    + "Add the year's arrangement with PUT /api/calendar/years/{}", year, year);
        }
        return new Year(found, Instant.now());
    }
}

package org.gridcase.worktime;

import java.time.LocalDate;

/** A day of the holiday arrangement as the API shows it. */
public record CalendarDayView(LocalDate date, DayKind kind, String kindLabel, String name) {
}

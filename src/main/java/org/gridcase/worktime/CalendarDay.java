package org.gridcase.worktime;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One day of an official holiday arrangement. */
@Entity
@Table(name = "calendar_day")
class CalendarDay {

    @Id
    private LocalDate calendarDate;

    @Enumerated(EnumType.STRING)
    private DayKind kind;

    private String name;

    protected CalendarDay() {
    }

    CalendarDay(LocalDate day, DayKind kind, String name) {
        this.calendarDate = day;
        this.kind = kind;
        this.name = name;
    }

    LocalDate day() {
        return calendarDate;
    }

    DayKind kind() {
        return kind;
    }

    CalendarDayView view() {
        return new CalendarDayView(calendarDate, kind, kind.label(), name);
    }
}

package org.gridcase.worktime;

/** A year's holiday arrangement was replaced: open deadlines in working time may have moved. */
public record WorkingCalendarChanged(int year) {
}

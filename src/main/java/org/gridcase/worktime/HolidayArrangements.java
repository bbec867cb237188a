package org.gridcase.worktime;

import java.time.LocalDate;
import java.util.Optional;

/** What the official arrangement says about a date, if anything (most dates: nothing). */
interface HolidayArrangements {

    Optional<DayKind> kindOf(LocalDate date);
}

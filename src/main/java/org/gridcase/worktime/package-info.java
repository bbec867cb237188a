/**
 * Working time: the official holiday arrangements (holidays and make-up working days) as data, the office hours,
 * and the calendar that adds working time to an instant and measures it between two. The engine uses it for
 * every timer and due date written in the {@code working:} notation ({@link
 * org.gridcase.worktime.WorkingTimeBusinessCalendar}); a change of the holiday table moves the open ones.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working time")
package org.gridcase.worktime;

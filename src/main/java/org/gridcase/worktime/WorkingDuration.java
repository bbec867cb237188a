package org.gridcase.worktime;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit in working time, written as an ISO-8601 duration of days, hours and minutes: {@code P3D} is three
 * working days, {@code PT2H} two working hours, {@code P1DT4H} a working day and a half. A working day is the
 * office hours of one day, so three working days from 10:00 end at 10:00 on the third working day after.
 * Months and years are refused: "a working month" has no agreed meaning.
 */
public record WorkingDuration(int days, int hours, int minutes) {

    private static final Pattern ISO = Pattern.compile("P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?)?");

    public static WorkingDuration parse(String text) {
        Matcher m = ISO.matcher(text.trim());
        if (!m.matches() || text.trim().equals("P") || text.trim().endsWith("T")) {
            throw new IllegalArgumentException("Not a working-time limit (days, hours, minutes in ISO-8601, "
                    + "e.g. P3D, PT2H, P1DT4H): " + text);
        }
        return new WorkingDuration(number(m.group(1)), number(m.group(2)), number(m.group(3)));
    }

    /** The working time this limit adds, given the length of a working day. */
    public Duration in(OfficeHours hours) {
        return hours.workingDay().multipliedBy(days).plusHours(this.hours).plusMinutes(minutes);
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}

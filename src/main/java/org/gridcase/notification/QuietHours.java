package org.gridcase.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridcase.worktime.OfficeHours;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Residents are not woken by a routine text: between the start and the end of the quiet hours
 * ({@code gridcase.notification.quiet-hours}, e.g. 21:00-08:00, in the district's time zone, that of
 * {@code gridcase.working-time}) their SMS that is not urgent waits until the quiet hours end. Urgent messages
 * (emergencies, red cards, the resident's own sign-in code) and staff messages never wait. Empty: no quiet hours.
 */
@Component
class QuietHours {

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    QuietHours(@Value("${gridcase.notification.quiet-hours:21:00-08:00}") String quietHours, OfficeHours office) {
        this.zone = office.zone();
        if (quietHours == null || quietHours.isBlank()) {
            this.start = null;
            this.end = null;
            return;
        }
        Matcher range = RANGE.matcher(quietHours);
        if (!range.matches()) {
            throw new IllegalArgumentException("gridcase.notification.quiet-hours must look like 21:00-08:00, not "
                    + quietHours);
        }
        this.start = LocalTime.parse(pad(range.group(1)));
        this.end = LocalTime.parse(pad(range.group(2)));
        if (start.equals(end)) {
            throw new IllegalArgumentException("gridcase.notification.quiet-hours starts and ends at " + start);
        }
    }

    /** When a message on this channel may go at the earliest, asked at {@code now}. */
    Instant notBefore(String channel, Notification notification, Instant now) {
        boolean residentsText = Recipient.REPORTER.equals(notification.recipient().kind())
                && (channel.equals("sms") || channel.equals("sms-http"));
        return residentsText && !notification.urgent() ? endOfQuiet(now) : now;
    }

    /** {@code now}, or the end of the quiet hours {@code now} falls in. */
    Instant endOfQuiet(Instant now) {
        if (start == null) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overMidnight = start.isAfter(end);
        boolean quiet = overMidnight ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return now;
        }
        ZonedDateTime endToday = local.with(end);
        return (time.isBefore(end) ? endToday : endToday.plusDays(1)).toInstant();
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }
}

package org.gridcase.worktime;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When offices work on a working day, in the district's time zone. Configured as {@code gridcase.working-time},
 * by default 08:30–12:00 and 14:00–17:30 in Asia/Shanghai.
 */
@ConfigurationProperties("gridcase.working-time")
public record OfficeHours(ZoneId zone, List<Period> periods) {

    public record Period(LocalTime start, LocalTime end) {
        public Period {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("Office period ends before it starts: " + start + "-" + end);
            }
        }

        Duration length() {
            return Duration.between(start, end);
        }
    }

    public OfficeHours {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        periods = periods == null || periods.isEmpty()
                ? List.of(new Period(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                        new Period(LocalTime.of(14, 0), LocalTime.of(17, 30)))
                : periods.stream().sorted(Comparator.comparing(Period::start)).toList();
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("Office periods overlap: " + periods);
            }
        }
    }

    /** The working time of one working day: what "one working day" of a limit means. */
    public Duration workingDay() {
        return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
    }
}

package org.gridcase.worktime;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * A time limit as people read it: {@code working:PT2H} is "2 个工作小时", {@code working:P3D} "3 个工作日",
 * {@code PT20M} (on the clock, as emergencies count) "20 分钟". Notices and forms show this, never the notation
 * designers write in BPMN and DMN. A text that is no limit is shown as it is.
 */
public final class LimitText {

    private LimitText() {
    }

    public static String of(String limit) {
        if (limit == null || limit.isBlank()) {
            return "";
        }
        String text = limit.trim();
        try {
            if (text.startsWith(WorkingTimeBusinessCalendar.PREFIX)) {
                String iso = text.substring(WorkingTimeBusinessCalendar.PREFIX.length());
                WorkingDuration working = WorkingDuration.parse(iso);
                return join(part(working.days(), "个工作日"), part(working.hours(), "个工作小时"),
                        part(working.minutes(), "分钟（工作时间）"));
            }
            Duration clock = Duration.parse(text);
            return join(part((int) clock.toDays(), "天"), part(clock.toHoursPart(), "小时"),
                    part(clock.toMinutesPart(), "分钟"));
        } catch (IllegalArgumentException | DateTimeParseException notALimit) {
            return text;
        }
    }

    private static String part(int amount, String unit) {
        return amount == 0 ? "" : amount + " " + unit;
    }

    private static String join(String... parts) {
        String joined = String.join(" ", Arrays.stream(parts).filter(p -> !p.isEmpty()).toList());
        return joined.isEmpty() ? "0 分钟" : joined;
    }
}

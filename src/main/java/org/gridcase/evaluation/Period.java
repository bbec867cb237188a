package org.gridcase.evaluation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.gridcase.system.InvalidRequestException;

/**
 * A period of whole days in the district's time zone, {@code from} inclusive, {@code to} exclusive, and the
 * sub-periods its trend is shown in (a year by months, a month by days, ...).
 */
public record Period(Kind kind, LocalDate from, LocalDate to, Kind step, ZoneId zone) {

    /** The lengths a period can have; a custom period is any run of days. */
    public enum Kind {
        DAY("日"), WEEK("周"), MONTH("月"), QUARTER("季度"), YEAR("年"), CUSTOM("自定义");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static final int MAX_DAYS = 3 * 366;

    /** The period of that kind that holds {@code date}; for CUSTOM, {@code from} to {@code to} (both inclusive). */
    static Period of(String kind, String date, String from, String to, ZoneId zone, LocalDate today) {
        Kind k = parseKind(kind);
        if (k == Kind.CUSTOM) {
            LocalDate start = day("from", from, null);
            LocalDate end = day("to", to, null);
            if (start == null || end == null) {
                throw new InvalidRequestException(start == null ? "from" : "to", "自定义期间需要起止日期（yyyy-MM-dd）");
            }
            if (end.isBefore(start)) {
                throw new InvalidRequestException("to", "结束日期不能早于开始日期");
            }
            if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
                throw new InvalidRequestException("to", "自定义期间最长三年");
            }
            LocalDate exclusive = end.plusDays(1);
            long days = ChronoUnit.DAYS.between(start, exclusive);
            return new Period(k, start, exclusive, days <= 62 ? Kind.DAY : Kind.MONTH, zone);
        }
        LocalDate d = day("date", date, today);
        return switch (k) {
            case DAY -> new Period(k, d, d.plusDays(1), Kind.DAY, zone);
            case WEEK -> {
                LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(k, monday, monday.plusWeeks(1), Kind.DAY, zone);
            }
            case MONTH -> new Period(k, d.withDayOfMonth(1), d.withDayOfMonth(1).plusMonths(1), Kind.DAY, zone);
            case QUARTER -> {
                LocalDate first = d.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new Period(k, first, first.plusMonths(3), Kind.MONTH, zone);
            }
            case YEAR -> new Period(k, d.withDayOfYear(1), d.withDayOfYear(1).plusYears(1), Kind.MONTH, zone);
            case CUSTOM -> throw new IllegalStateException();
        };
    }

    static Period month(java.time.YearMonth month, ZoneId zone) {
        return new Period(Kind.MONTH, month.atDay(1), month.atDay(1).plusMonths(1), Kind.DAY, zone);
    }

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    Instant end() {
        return to.atStartOfDay(zone).toInstant();
    }

    /** The sub-periods, in order: each its first day (inclusive) to the next one's. */
    List<LocalDate> steps() {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = step == Kind.MONTH ? d.withDayOfMonth(1).plusMonths(1)
                : d.plusDays(1)) {
            starts.add(d);
        }
        return starts;
    }

    private static Kind parseKind(String kind) {
        try {
            return kind == null || kind.isBlank() ? Kind.MONTH : Kind.valueOf(kind.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("period", "期间类型只能是 DAY、WEEK、MONTH、QUARTER、YEAR 或 CUSTOM");
        }
    }

    private static LocalDate day(String field, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "日期格式应为 yyyy-MM-dd");
        }
    }
}

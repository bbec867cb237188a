package org.gridcase.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working time around the 2025 National Day holiday (放假 10-01..10-08, 调休上班 09-28 and 10-11). */
class WorkingCalendarTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final WorkingCalendar calendar = new WorkingCalendar(nationalDay2025(), new OfficeHours(SHANGHAI, null));

    static HolidayArrangements nationalDay2025() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        days.put(LocalDate.of(2025, 9, 28), DayKind.WORKDAY);
        for (int day = 1; day <= 8; day++) {
            days.put(LocalDate.of(2025, 10, day), DayKind.HOLIDAY);
        }
        days.put(LocalDate.of(2025, 10, 11), DayKind.WORKDAY);
        return date -> Optional.ofNullable(days.get(date));
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    Instant plus(String start, String limit) {
        return calendar.plus(at(start), WorkingDuration.parse(limit));
    }

    @Test
    void skipsTheWeekend() {
        // Friday 17:00 + 2 working hours: half an hour on Friday, an hour and a half on Monday
        assertThat(plus("2025-10-17T17:00", "PT2H")).isEqualTo(at("2025-10-20T10:00"));
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 18))).isFalse();
    }

    @Test
    void skipsAPublicHoliday() {
        assertThat(plus("2025-09-30T17:00", "PT1H")).isEqualTo(at("2025-10-09T09:00"));
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 6))).as("a Monday in the holiday").isFalse();
    }

    @Test
    void countsAMakeUpSaturdayAsAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
        assertThat(plus("2025-10-10T17:00", "PT1H")).isEqualTo(at("2025-10-11T09:00"));
    }

    @Test
    void endsALimitThatSpansTheHolidayOnTheDateTheArrangementGives() {
        // 3 working days = 21 working hours: 1.5 h on 09-30, 7 h on 10-09, 7 h on 10-10, 5.5 h on Saturday 10-11
        assertThat(plus("2025-09-30T16:00", "P3D")).isEqualTo(at("2025-10-11T16:00"));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "2025-10-16T17:29, PT2H, 2025-10-17T10:29", // one minute before closing
            "2025-10-16T12:30, PT1H, 2025-10-16T15:00", // at lunch: counts from 14:00
            "2025-10-16T07:00, PT1H, 2025-10-16T09:30", // before opening: counts from 08:30
            "2025-10-16T16:30, PT1H, 2025-10-16T17:30", // ends exactly at closing, not at the next opening
            "2025-10-16T11:30, PT1H, 2025-10-16T14:30", // across lunch
            "2025-10-16T20:00, PT30M, 2025-10-17T09:00", // evening: counts from the next morning
            "2025-10-16T10:00, P1D, 2025-10-17T10:00", // one working day: the same time on the next one
            "2025-10-16T10:00, P1DT4H, 2025-10-17T16:00"}) // 7 h + 2 h before lunch + 2 h after
    void countsOnlyOfficeHours(String start, String limit, String end) {
        assertThat(plus(start, limit)).isEqualTo(at(end));
    }

    @Test
    void measuresWorkingTimeBetweenTwoInstants() {
        // Friday 16:00 to Monday 10:00 across the make-up Saturday: 1.5 h + 7 h + 1.5 h
        assertThat(calendar.between(at("2025-10-10T16:00"), at("2025-10-13T10:00"))).isEqualTo(Duration.ofHours(10));
        assertThat(calendar.between(at("2025-10-01T09:00"), at("2025-10-08T17:00"))).isZero();
        assertThat(calendar.between(at("2025-10-13T10:00"), at("2025-10-10T16:00"))).isZero();
    }

    @Test
    void addsAndMeasuresTheSameTime() {
        Instant start = at("2025-09-29T11:15");
        Instant end = plus("2025-09-29T11:15", "P2DT3H");
        assertThat(calendar.between(start, end)).isEqualTo(Duration.ofHours(17));
    }

    @Test
    void readsWorkingDurationsAndRefusesWhatHasNoWorkingMeaning() {
        assertThat(WorkingDuration.parse("P3D")).isEqualTo(new WorkingDuration(3, 0, 0));
        assertThat(WorkingDuration.parse("PT2H30M")).isEqualTo(new WorkingDuration(0, 2, 30));
        assertThat(WorkingDuration.parse("P1DT4H").in(calendar.officeHours())).isEqualTo(Duration.ofHours(11));
        for (String bad : new String[] {"P1M", "P", "PT", "2H", "P1W"}) {
            assertThatThrownBy(() -> WorkingDuration.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

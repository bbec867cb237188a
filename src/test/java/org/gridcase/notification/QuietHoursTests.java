package org.gridcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.gridcase.worktime.OfficeHours;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The residents' quiet hours at the edges, in the district's time zone (Asia/Shanghai, +08:00). */
class QuietHoursTests {

    static final OfficeHours SHANGHAI = new OfficeHours(null, null);

    static Instant at(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    static Notification toReporter(boolean urgent) {
        return new Notification(Recipient.reporter("13800000001"), "TST1", NotificationTemplate.REPORTER_FEEDBACK,
                "……", urgent);
    }

    @ParameterizedTest
    @CsvSource({
            "2025-10-16T20:59:59, 2025-10-16T20:59:59",
            "2025-10-16T21:00:00, 2025-10-17T08:00:00",
            "2025-10-16T23:59:59, 2025-10-17T08:00:00",
            "2025-10-17T00:00:00, 2025-10-17T08:00:00",
            "2025-10-17T07:59:59, 2025-10-17T08:00:00",
            "2025-10-17T08:00:00, 2025-10-17T08:00:00",
            "2025-10-17T12:00:00, 2025-10-17T12:00:00"})
    void holdsAResidentsRoutineTextUntilEightInTheMorning(String sentAt, String notBefore) {
        QuietHours quiet = new QuietHours("21:00-08:00", SHANGHAI);

        assertThat(quiet.notBefore("sms", toReporter(false), at(sentAt))).isEqualTo(at(notBefore));
        assertThat(quiet.notBefore("sms-http", toReporter(false), at(sentAt))).isEqualTo(at(notBefore));
    }

    @Test
    void neverHoldsAnUrgentTextAStaffMessageOrAnotherChannel() {
        QuietHours quiet = new QuietHours("21:00-08:00", SHANGHAI);
        Instant night = at("2025-10-16T23:30:00");
        Notification toStaff = new Notification(Recipient.group("dept-chengguan"), "TST1",
                NotificationTemplate.DEPARTMENT_SUMMONED, "……", false);

        assertThat(quiet.notBefore("sms", toReporter(true), night)).isEqualTo(night);
        assertThat(quiet.notBefore("sms", toStaff, night)).isEqualTo(night);
        assertThat(quiet.notBefore("wecom", toStaff, night)).isEqualTo(night);
    }

    @Test
    void takesQuietHoursWithinOneDayAndNone() {
        QuietHours siesta = new QuietHours("12:00-14:30", SHANGHAI);
        assertThat(siesta.endOfQuiet(at("2025-10-16T13:00:00"))).isEqualTo(at("2025-10-16T14:30:00"));
        assertThat(siesta.endOfQuiet(at("2025-10-16T14:30:00"))).isEqualTo(at("2025-10-16T14:30:00"));
        assertThat(siesta.endOfQuiet(at("2025-10-16T23:00:00"))).isEqualTo(at("2025-10-16T23:00:00"));

        QuietHours none = new QuietHours("", SHANGHAI);
        assertThat(none.endOfQuiet(at("2025-10-16T23:00:00"))).isEqualTo(at("2025-10-16T23:00:00"));
    }

    @Test
    void refusesQuietHoursItCannotRead() {
        assertThatThrownBy(() -> new QuietHours("9pm-8am", SHANGHAI)).hasMessageContaining("21:00-08:00");
    }
}

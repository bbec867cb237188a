package org.gridcase.worktime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Limits read as Chinese, in their own kind of time. */
class LimitTextTests {

    @Test
    void readsWorkingTimeLimitsInWorkingDaysHoursAndMinutes() {
        assertThat(LimitText.of("working:PT2H")).isEqualTo("2 个工作小时");
        assertThat(LimitText.of("working:P3D")).isEqualTo("3 个工作日");
        assertThat(LimitText.of("working:P1DT4H")).isEqualTo("1 个工作日 4 个工作小时");
        assertThat(LimitText.of("working:PT30M")).isEqualTo("30 分钟（工作时间）");
    }

    @Test
    void readsLimitsOnTheClockInDaysHoursAndMinutes() {
        assertThat(LimitText.of("PT20M")).isEqualTo("20 分钟");
        assertThat(LimitText.of("PT1H30M")).isEqualTo("1 小时 30 分钟");
        assertThat(LimitText.of("P2D")).isEqualTo("2 天");
    }

    @Test
    void showsAnythingElseAsItIs() {
        assertThat(LimitText.of("明天上班前")).isEqualTo("明天上班前");
        assertThat(LimitText.of(null)).isEmpty();
    }
}

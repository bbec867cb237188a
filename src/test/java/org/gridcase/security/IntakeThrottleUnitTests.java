package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.gridcase.system.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** What the throttle counts by, and that one limit's refusal costs nothing under the other. */
class IntakeThrottleUnitTests {

    @Test
    void countsAnIpv6ClientByItsSlash64AndAnIpv4ClientByItsAddress() {
        assertThat(IntakeThrottle.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(IntakeThrottle.addressKey("2001:db8:1:2:bbbb:cccc:dddd:9"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64")
                .isNotEqualTo(IntakeThrottle.addressKey("2001:db8:1:3::1"));
        assertThat(IntakeThrottle.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void countsAPhoneNumberHoweverItIsWritten() {
        assertThat(IntakeThrottle.phoneKey("029-88881234")).isEqualTo(IntakeThrottle.phoneKey("02988881234"));
        assertThat(IntakeThrottle.phoneKey(null)).isNull();
    }

    @Test
    void aReportRefusedForItsPhoneLeavesTheAddressItsToken() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.9");
        IntakeThrottle throttle = new IntakeThrottle(new IntakeLimits(true,
                new IntakeLimits.Limit(2, Duration.ofHours(1), 2),
                new IntakeLimits.Limit(1, Duration.ofHours(1), 1), null, 100), request);

        throttle.admit("13800000001", () -> false);
        assertThatThrownBy(() -> throttle.admit("13800000001", () -> false))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("手机号");

        // the address has sent one report, not two
        assertThatCode(() -> throttle.admit("13800000002", () -> false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> throttle.admit("13800000003", () -> false))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("网络地址")
                .satisfies(refused -> assertThat(((TooManyRequestsException) refused).retryAfterSeconds())
                        .isBetween(1L, 1800L));
    }

    @Test
    void limitsAnOpen311AppByTheAppNotByItsAddress() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.10");
        IntakeThrottle throttle = new IntakeThrottle(new IntakeLimits(true,
                new IntakeLimits.Limit(1, Duration.ofHours(1), 1),
                new IntakeLimits.Limit(5, Duration.ofHours(1), 5),
                new IntakeLimits.Limit(2, Duration.ofHours(1), 2), 100), request);

        // one address, three reports: the address limit (1) does not apply to an app
        throttle.admitApp("city-app", "13800000011");
        throttle.admitApp("city-app", "13800000012");
        assertThatThrownBy(() -> throttle.admitApp("city-app", "13800000013"))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("应用");
        // another app has its own bucket
        assertThatCode(() -> throttle.admitApp("other-app", null)).doesNotThrowAnyException();
    }

    @Test
    void letsEverythingThroughWhenSwitchedOff() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        IntakeThrottle throttle = new IntakeThrottle(new IntakeLimits(false,
                new IntakeLimits.Limit(1, Duration.ofHours(1), 1),
                new IntakeLimits.Limit(1, Duration.ofHours(1), 1), null, 100), request);

        for (int i = 0; i < 5; i++) {
            throttle.admit("13800000004", () -> false);
        }
    }
}

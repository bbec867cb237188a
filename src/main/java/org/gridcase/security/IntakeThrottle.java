package org.gridcase.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;
import io.github.bucket4j.ConsumptionProbe;
import org.gridcase.system.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Limits anonymous reports (POST /api/cases without a login) per client address and per reporter phone, so that
 * a script cannot bury the district's staff in fake cases. Staff (the hotline, grid workers) log in and are not
 * limited; a retry of a request that already opened its case is not a new report and is neither refused nor
 * counted. The address is the request's remote address, which Tomcat's RemoteIpValve has taken from
 * X-Forwarded-For only if a trusted proxy sent it (server.tomcat.remoteip.internal-proxies).
 */
@Component
public class IntakeThrottle {

    private static final Logger log = LoggerFactory.getLogger(IntakeThrottle.class);

    private final IntakeLimits limits;
    private final HttpServletRequest request;
    private final TokenBuckets addresses;
    private final TokenBuckets phones;
    private final TokenBuckets apps;

    /** {@code request} is Spring's proxy of the current request. */
    IntakeThrottle(IntakeLimits limits, HttpServletRequest request) {
        this.limits = limits;
        this.request = request;
        this.addresses = new TokenBuckets(limits.perAddress(), limits.maxTracked());
        this.phones = new TokenBuckets(limits.perPhone(), limits.maxTracked());
        this.apps = new TokenBuckets(limits.perApp(), limits.maxTracked());
    }

    /**
     * Lets the report through or throws {@link TooManyRequestsException}; call it before anything is stored.
     * {@code retry} is asked only of an anonymous caller: whether the request replays one that opened a case.
     */
    public void admit(String reporterPhone, BooleanSupplier retry) {
        if (!limits.enabled() || isLoggedIn() || retry.getAsBoolean()) {
            return;
        }
        String address = addressKey(request.getRemoteAddr());
        ConsumptionProbe byAddress = addresses.take(address);
        if (!byAddress.isConsumed()) {
            log.info("Refused an anonymous report from {}: over the limit of its address", address);
            throw refusal("同一网络地址提交的诉求过多", byAddress);
        }
        String phone = phoneKey(reporterPhone);
        if (phone == null) {
            return;
        }
        ConsumptionProbe byPhone = phones.take(phone);
        if (!byPhone.isConsumed()) {
            addresses.giveBack(address);
            log.info("Refused an anonymous report from {}: over the limit of phone {}", address, masked(phone));
            throw refusal("该手机号提交的诉求过多", byPhone);
        }
    }

    /**
     * For a report an Open311 app sends (gridcase's open311 module): limited per app instead of per address, since
     * an app's server sends all its users' reports from one address, and per reporter phone as any anonymous report.
     */
    public void admitApp(String appId, String reporterPhone) {
        if (!limits.enabled()) {
            return;
        }
        ConsumptionProbe byApp = apps.take(appId);
        if (!byApp.isConsumed()) {
            log.info("Refused a report of Open311 app {}: over the limit of the app", appId);
            throw refusal("该应用提交的诉求过多", byApp);
        }
        String phone = phoneKey(reporterPhone);
        if (phone == null) {
            return;
        }
        ConsumptionProbe byPhone = phones.take(phone);
        if (!byPhone.isConsumed()) {
            apps.giveBack(appId);
            log.info("Refused a report of Open311 app {}: over the limit of phone {}", appId, masked(phone));
            throw refusal("该手机号提交的诉求过多", byPhone);
        }
    }

    private static boolean isLoggedIn() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
    }

    private static TooManyRequestsException refusal(String what, ConsumptionProbe probe) {
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return new TooManyRequestsException(what + "，请 " + minutes + " 分钟后再试；情况紧急请拨打 12345 热线", wait);
    }

    /**
     * An IPv4 address as it is; an IPv6 address by its /64 network, which one subscriber usually gets whole and
     * can pick addresses from at will.
     */
    static String addressKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // a literal with a colon is parsed, never looked up in DNS
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length != 16) {
                return remoteAddress;
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException notALiteral) {
            return remoteAddress;
        }
    }

    /** One phone however it is written: "029-88881234" and "02988881234" are the same line. */
    static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }

    private static String masked(String phone) {
        return phone.length() <= 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}

package org.gridcase.security;

import java.time.Duration;

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
 * Limits anonymous photo uploads (POST /api/photos without a login) per client address, as {@link IntakeThrottle}
 * limits reports: an upload costs the server a decode and two encodes, and the store's disk. Staff who log in
 * are not limited. The address is the one Tomcat's RemoteIpValve resolved (IPv6 by its /64).
 */
@Component
public class UploadThrottle {

    private static final Logger log = LoggerFactory.getLogger(UploadThrottle.class);

    private final UploadLimits limits;
    private final HttpServletRequest request;
    private final TokenBuckets addresses;

    /** {@code request} is Spring's proxy of the current request. */
    UploadThrottle(UploadLimits limits, HttpServletRequest request) {
        this.limits = limits;
        this.request = request;
        this.addresses = new TokenBuckets(limits.perAddress(), limits.maxTracked());
    }

    /** Lets the upload through or throws {@link TooManyRequestsException}; call it before reading the file. */
    public void admit() {
        if (!limits.enabled() || isLoggedIn()) {
            return;
        }
        String address = IntakeThrottle.addressKey(request.getRemoteAddr());
        ConsumptionProbe probe = addresses.take(address);
        if (!probe.isConsumed()) {
            log.info("Refused an anonymous photo upload from {}: over the limit of its address", address);
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw new TooManyRequestsException("同一网络地址上传的照片过多，请 " + minutes + " 分钟后再试", wait);
        }
    }

    private static boolean isLoggedIn() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
    }
}

package org.gridcase.open311;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.gridcase.system.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of /open311/v2 as the specification's error list ({@code <errors><error><code>…}, a JSON array of
 * {code, description}), in the format the path asked for, before gridcase's problem details see it. HTTP 404 for
 * what does not exist, 403 for the api_key, 400 for anything else (the specification has no 429: a throttled app
 * gets 400 with code 429 in the body and Retry-After); never a stack trace.
 */
@RestControllerAdvice(assignableTypes = GeoReportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class GeoReportErrors {

    private static final Logger log = LoggerFactory.getLogger(GeoReportErrors.class);

    private final GeoReportDocuments documents;

    GeoReportErrors(GeoReportDocuments documents) {
        this.documents = documents;
    }

    @ExceptionHandler(GeoReportException.class)
    ResponseEntity<byte[]> refused(GeoReportException refused, HttpServletRequest request) {
        return documents.errors(format(request), refused.status(), refused.errors(), new HttpHeaders());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<byte[]> throttled(TooManyRequestsException throttled, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        return documents.errors(format(request), HttpStatus.BAD_REQUEST,
                List.of(new GeoReport.Error(429, throttled.getMessage())), headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> failed(Exception failed, HttpServletRequest request) {
        log.warn("Open311 request {} {} failed", request.getMethod(), request.getRequestURI(), failed);
        return documents.errors(format(request), HttpStatus.BAD_REQUEST,
                List.of(new GeoReport.Error(400, "服务暂时无法处理该请求，请稍后重试；如仍失败请联系区网格化服务管理中心")),
                new HttpHeaders());
    }

    private static String format(HttpServletRequest request) {
        return GeoReportDocuments.formatOf(request.getRequestURI());
    }
}

package org.gridcase.open311;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request GeoReport v2 refuses, with the status the specification gives it: 404 for what does not exist (a
 * service code, a request, the jurisdiction), 403 for a missing or wrong api_key, 400 for anything else. Each
 * error names the parameter in a Chinese description the app may show its user.
 */
class GeoReportException extends RuntimeException {

    private final HttpStatus status;
    private final transient List<GeoReport.Error> errors;

    GeoReportException(HttpStatus status, List<GeoReport.Error> errors) {
        super(errors.toString());
        this.status = status;
        this.errors = errors;
    }

    static GeoReportException notFound(String description) {
        return new GeoReportException(HttpStatus.NOT_FOUND, List.of(new GeoReport.Error(404, description)));
    }

    static GeoReportException badRequest(String description) {
        return new GeoReportException(HttpStatus.BAD_REQUEST, List.of(new GeoReport.Error(400, description)));
    }

    static GeoReportException forbidden(String description) {
        return new GeoReportException(HttpStatus.FORBIDDEN, List.of(new GeoReport.Error(403, description)));
    }

    HttpStatus status() {
        return status;
    }

    List<GeoReport.Error> errors() {
        return errors;
    }
}

package org.gridcase.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.Channel;
import org.gridcase.casework.PublicCase;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.springframework.stereotype.Component;

/**
 * GET requests and GET requests/{id}: the cases the Open311 channel brought in, whichever app sent them, as
 * casework's public view gives them (no reporter's name or phone). Only Open311's own cases: a hotline caller or a
 * grid worker reported to the district, not to the open web, and their words may name people.
 */
@Component
class ServiceRequests {

    /** The specification's default and largest window, and its default number of requests. */
    static final Duration WINDOW = Duration.ofDays(90);
    static final int LIMIT = 1000;

    private final CaseQueries cases;
    private final DepartmentService departments;
    private final ServiceCatalogue catalogue;
    private final Open311Settings settings;

    ServiceRequests(CaseQueries cases, DepartmentService departments, ServiceCatalogue catalogue,
            Open311Settings settings) {
        this.cases = cases;
        this.departments = departments;
        this.catalogue = catalogue;
        this.settings = settings;
    }

    GeoReport.Request one(String id) {
        return cases.findPublic(new PublicCase.Search(Channel.OPEN311, List.of(id), List.of(), null, null, null), 1)
                .stream().findFirst().map(this::request)
                .orElseThrow(() -> GeoReportException.notFound("service_request_id " + id + " 不存在"));
    }

    /** {@code param}: a parameter's value, null when absent or empty. service_request_id overrides the rest. */
    List<GeoReport.Request> search(UnaryOperator<String> param) {
        List<String> ids = list(param.apply("service_request_id"));
        if (!ids.isEmpty()) {
            if (ids.size() > LIMIT) {
                throw GeoReportException.badRequest("service_request_id 一次最多 " + LIMIT + " 个");
            }
            return found(new PublicCase.Search(Channel.OPEN311, ids, List.of(), null, null, null));
        }
        Instant start = time(param, "start_date");
        Instant end = time(param, "end_date");
        if (start == null && end == null) {
            end = Instant.now();
        }
        if (start == null) {
            start = end.minus(WINDOW);
        } else if (end == null) {
            end = start.plus(WINDOW);
        }
        if (end.isBefore(start)) {
            throw GeoReportException.badRequest("end_date 不能早于 start_date");
        }
        if (Duration.between(start, end).compareTo(WINDOW) > 0) {
            throw GeoReportException.badRequest("start_date 到 end_date 不能超过 90 天");
        }
        return found(new PublicCase.Search(Channel.OPEN311, List.of(), list(param.apply("service_code")), start,
                // end_date is the latest time included
                end.plus(1, ChronoUnit.MICROS), closed(list(param.apply("status")))));
    }

    private List<GeoReport.Request> found(PublicCase.Search search) {
        return cases.findPublic(search, LIMIT).stream().map(this::request).toList();
    }

    private GeoReport.Request request(PublicCase c) {
        boolean closed = c.status() == CaseStatus.CLOSED;
        return new GeoReport.Request(c.caseNumber(), closed ? "closed" : "open", c.statusLabel(),
                catalogue.service(c.category()).map(GeoReport.Service::serviceName).orElse(c.categoryName()),
                c.category(), c.description(),
                c.leadDepartment() == null ? null
                        : departments.find(c.leadDepartment()).map(DepartmentView::name).orElse(null),
                null, time(c.receivedAt()), time(closed && c.closedAt() != null ? c.closedAt() : c.updatedAt()),
                time(c.handlingDue()), c.address(), null, null, c.lat(), c.lon(),
                c.photoLinks().isEmpty() ? null : c.photoLinks().get(0));
    }

    /** A w3 datetime with the district's offset, to the second: 2025-10-09T10:15:00+08:00. */
    private String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(settings.zone()).toOffsetDateTime());
    }

    private static Instant time(UnaryOperator<String> param, String name) {
        String value = param.apply(name);
        if (value == null) {
            return null;
        }
        try {
            // an unencoded '+' of the offset arrives as a space
            return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw GeoReportException.badRequest(name + " 必须是带时区的 W3C 日期时间，例如 2025-10-01T00:00:00+08:00："
                    + value);
        }
    }

    /** open and closed: null (either); one of them: that one. */
    private static Boolean closed(List<String> statuses) {
        Set<String> wanted = Set.copyOf(statuses);
        for (String status : wanted) {
            if (!status.equals("open") && !status.equals("closed")) {
                throw GeoReportException.badRequest("status 只能是 open 或 closed：" + status);
            }
        }
        return wanted.size() == 1 ? wanted.contains("closed") : null;
    }

    private static List<String> list(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}

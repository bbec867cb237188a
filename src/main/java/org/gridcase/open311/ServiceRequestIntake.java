package org.gridcase.open311;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.gridcase.casework.CaseRegistration;
import org.gridcase.casework.Channel;
import org.gridcase.casework.NewCase;
import org.gridcase.casework.RegisteredCase;
import org.gridcase.security.IntakeThrottle;
import org.gridcase.system.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * POST requests: an app's report becomes an ordinary case through casework's registration, like a resident's
 * through /api/cases, with channel OPEN311 and source {@code app:<app id>}. The app is limited per app and per
 * reporter phone (IntakeThrottle). Parameters are read as GeoReport names them, and every refusal names them too.
 * email and device_id are accepted and not kept: the case has no use for them, and what is not kept cannot leak.
 */
@Service
class ServiceRequestIntake {

    /** NewCase's fields under the names the app sent them. */
    private static final Map<String, String> PARAMETER_OF = Map.of(
            "category", "service_code", "description", "description", "address", "address_string",
            "lat", "lat", "lon", "long", "reporterName", "first_name/last_name", "reporterPhone", "phone",
            "photoLinks", "media_url", "location", "lat/long/address_string");

    private final Open311Apps apps;
    private final ServiceCatalogue catalogue;
    private final CaseRegistration registration;
    private final IntakeThrottle throttle;
    private final Validator validator;

    ServiceRequestIntake(Open311Apps apps, ServiceCatalogue catalogue, CaseRegistration registration,
            IntakeThrottle throttle, Validator validator) {
        this.apps = apps;
        this.catalogue = catalogue;
        this.registration = registration;
        this.throttle = throttle;
        this.validator = validator;
    }

    /** {@code param} gives a parameter's value, null when absent or empty (GeoReport: the same thing). */
    GeoReport.Created open(UnaryOperator<String> param) {
        String appId = apps.appOf(param.apply("api_key")).orElseThrow(() -> GeoReportException.forbidden(
                param.apply("api_key") == null ? "缺少 api_key：请向区网格化服务管理中心申请"
                        : "api_key 无效或已被吊销：无法提交诉求"));
        String code = param.apply("service_code");
        if (code == null) {
            throw GeoReportException.badRequest("缺少 service_code：请从 services 列表中选择诉求类别");
        }
        GeoReport.Service service = catalogue.service(code)
                .orElseThrow(() -> GeoReportException.notFound("service_code " + code + " 不存在"));
        Double lat = coordinate(param, "lat");
        Double lon = coordinate(param, "long");
        String address = param.apply("address_string");
        if (lat == null && lon == null && address == null) {
            throw GeoReportException.badRequest(param.apply("address_id") != null
                    ? "不支持 address_id：请提供 lat 和 long，或 address_string"
                    : "缺少位置：请提供 lat 和 long，或 address_string");
        }
        if (lat == null ^ lon == null) {
            throw GeoReportException.badRequest((lat == null ? "缺少 lat" : "缺少 long") + "：lat 和 long 必须同时提供");
        }
        String phone = param.apply("phone");
        String mediaUrl = param.apply("media_url");
        NewCase report = new NewCase(code, null,
                // a report without words still says what it is about: its service's name
                param.apply("description") != null ? param.apply("description") : service.serviceName(),
                address != null ? address : "经纬度 " + lat + ", " + lon,
                lat, lon, null, name(param.apply("last_name"), param.apply("first_name")), phone, Channel.OPEN311,
                mediaUrl == null ? List.of() : List.of(mediaUrl), "app:" + appId);
        check(report);
        throttle.admitApp(appId, phone);
        RegisteredCase registered;
        try {
            registered = registration.open(report);
        } catch (InvalidRequestException refused) {
            throw new GeoReportException(HttpStatus.BAD_REQUEST, refused.errors().stream()
                    .map(e -> new GeoReport.Error(400, parameter(e.field()) + "：" + e.message())).toList());
        }
        return new GeoReport.Created(registered.caseNumber(),
                "已受理，工单编号 " + registered.caseNumber() + "；可凭此编号查询办理进展（requests/"
                        + registered.caseNumber() + "）", param.apply("account_id"));
    }

    private void check(NewCase report) {
        Set<ConstraintViolation<NewCase>> violations = validator.validate(report);
        if (!violations.isEmpty()) {
            throw new GeoReportException(HttpStatus.BAD_REQUEST, violations.stream()
                    .sorted(Comparator.comparing((ConstraintViolation<NewCase> v) -> v.getPropertyPath().toString()))
                    .map(v -> new GeoReport.Error(400, parameter(v.getPropertyPath().toString()) + "：" + v.getMessage()))
                    .toList());
        }
    }

    private static String parameter(String field) {
        String base = field.replaceAll("\\[.*", "");
        return PARAMETER_OF.getOrDefault(base, base);
    }

    private static Double coordinate(UnaryOperator<String> param, String name) {
        String value = param.apply(name);
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw GeoReportException.badRequest(name + " 必须是数字（WGS-84 经纬度）：" + value);
    }

    /** A Chinese name is family name first: 王 + 芳 = 王芳; with Latin names, a space between. */
    static String name(String lastName, String firstName) {
        if (lastName == null && firstName == null) {
            return null;
        }
        if (lastName == null || firstName == null) {
            return lastName == null ? firstName : lastName;
        }
        boolean latin = (lastName + firstName).chars().allMatch(c -> c < 0x2E80);
        return latin ? firstName + " " + lastName : lastName + firstName;
    }
}

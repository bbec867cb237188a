package org.gridcase.open311;

import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), every resource in {@code .xml} and {@code .json}.
 * gridcase serves one jurisdiction: {@code jurisdiction_id} may be left out, and one that is not
 * gridcase.open311.jurisdiction-id is answered 404 as the specification says. An empty parameter counts as absent.
 */
@RestController
@RequestMapping("/open311/v2")
class GeoReportController {

    private static final String FORMAT = "{format:json|xml}";
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private final GeoReportDocuments documents;
    private final ServiceCatalogue catalogue;
    private final ServiceRequestIntake intake;
    private final ServiceRequests requests;
    private final Open311Settings settings;

    GeoReportController(GeoReportDocuments documents, ServiceCatalogue catalogue, ServiceRequestIntake intake,
            ServiceRequests requests, Open311Settings settings) {
        this.documents = documents;
        this.catalogue = catalogue;
        this.intake = intake;
        this.requests = requests;
        this.settings = settings;
    }

    @GetMapping("/discovery." + FORMAT)
    ResponseEntity<byte[]> discovery(@PathVariable("format") String format) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2").toUriString();
        // the document changes only with a new version of gridcase
        String changeset = "2026-11-29 00:00";
        GeoReport.Discovery discovery = new GeoReport.Discovery(changeset, settings.contact(), settings.keyService(),
                List.of(new GeoReport.Endpoint(SPECIFICATION, url, changeset, "production",
                        List.of("text/xml", "application/json"))));
        return documents.answer(HttpStatus.OK, format, discovery, discovery);
    }

    @GetMapping("/services." + FORMAT)
    ResponseEntity<byte[]> services(@PathVariable("format") String format, HttpServletRequest request) {
        checkJurisdiction(request);
        List<GeoReport.Service> services = catalogue.services();
        return documents.answer(HttpStatus.OK, format, new GeoReport.Services(services), services);
    }

    @GetMapping("/services/{code:.+}." + FORMAT)
    ResponseEntity<byte[]> service(@PathVariable("code") String code, @PathVariable("format") String format,
            HttpServletRequest request) {
        checkJurisdiction(request);
        GeoReport.Service service = catalogue.service(code)
                .orElseThrow(() -> GeoReportException.notFound("service_code " + code + " 不存在"));
        GeoReport.ServiceDefinition definition = new GeoReport.ServiceDefinition(service.serviceCode(), List.of());
        return documents.answer(HttpStatus.OK, format, definition, definition);
    }

    @PostMapping("/requests." + FORMAT)
    ResponseEntity<byte[]> create(@PathVariable("format") String format, HttpServletRequest request) {
        checkJurisdiction(request);
        List<GeoReport.Created> created = List.of(intake.open(parameters(request)));
        return documents.answer(HttpStatus.CREATED, format, new GeoReport.ServiceRequests(created), created);
    }

    @GetMapping("/requests." + FORMAT)
    ResponseEntity<byte[]> search(@PathVariable("format") String format, HttpServletRequest request) {
        checkJurisdiction(request);
        List<GeoReport.Request> found = requests.search(parameters(request));
        return documents.answer(HttpStatus.OK, format, new GeoReport.ServiceRequests(found), found);
    }

    @GetMapping("/requests/{id:.+}." + FORMAT)
    ResponseEntity<byte[]> request(@PathVariable("id") String id, @PathVariable("format") String format,
            HttpServletRequest request) {
        checkJurisdiction(request);
        List<GeoReport.Request> found = List.of(requests.one(id));
        return documents.answer(HttpStatus.OK, format, new GeoReport.ServiceRequests(found), found);
    }

    /** Every request gets its id at once (type realtime), so there are no tokens to look up. */
    @GetMapping("/tokens/{token:.+}." + FORMAT)
    ResponseEntity<byte[]> token(@PathVariable("token") String token, HttpServletRequest request) {
        checkJurisdiction(request);
        throw GeoReportException.notFound("token " + token + " 不存在：本服务提交后即返回 service_request_id，不发放 token");
    }

    /** Anything else under /open311/v2, in XML unless the path asks for JSON. */
    @RequestMapping("/**")
    ResponseEntity<byte[]> unknown(HttpServletRequest request) {
        throw GeoReportException.notFound("没有这个资源：" + request.getRequestURI().substring(
                request.getContextPath().length()));
    }

    private void checkJurisdiction(HttpServletRequest request) {
        String jurisdiction = parameters(request).apply("jurisdiction_id");
        if (jurisdiction != null && !jurisdiction.equals(settings.jurisdictionId())) {
            throw GeoReportException.notFound("jurisdiction_id " + jurisdiction + " 不存在：本服务只受理 "
                    + settings.jurisdictionId());
        }
    }

    /** GeoReport's optional arguments: an empty parameter is the same as one not sent. */
    private static UnaryOperator<String> parameters(HttpServletRequest request) {
        return name -> {
            String value = request.getParameter(name);
            return value == null || value.isBlank() ? null : value.strip();
        };
    }
}

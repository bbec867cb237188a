package org.gridcase.resident;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseStatus;
import org.gridcase.registry.CategoryService;
import org.gridcase.registry.CategoryView;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.gridcase.registry.UnitView;
import org.gridcase.system.ConflictException;
import org.gridcase.system.InvalidRequestException;
import org.gridcase.system.NotFoundException;
import org.gridcase.resident.ResidentViews.Department;
import org.gridcase.resident.ResidentViews.GridOutline;
import org.gridcase.resident.ResidentViews.Joined;
import org.gridcase.resident.ResidentViews.Nearby;
import org.gridcase.resident.ResidentViews.PublicCategory;
import org.gridcase.resident.ResidentViews.Stage;
import org.gridcase.resident.ResidentViews.TrackedCase;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the resident pages read besides the intake API: the categories in plain words, the grid outlines for the
 * map, open reports nearby, joining one of them, and a case as its reporters follow it. Public and throttled per
 * client address.
 */
@Tag(name = "居民 · Residents", description = "The resident pages' public API (码上办)")
@RestController
@RequestMapping("/api/resident")
class ResidentController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CaseQueries cases;
    private final CategoryService categories;
    private final UnitService units;
    private final DepartmentService departments;
    private final CoReporterRepository coReporters;
    private final ResidentSettings settings;
    private final ResidentLinks links;
    private final HttpServletRequest request;
    private final ResidentThrottle reads = new ResidentThrottle(60, Duration.ofSeconds(1), "查询");
    private final ResidentThrottle joinsByAddress = new ResidentThrottle(10, Duration.ofMinutes(6), "提交");
    private final ResidentThrottle joinsByPhone = new ResidentThrottle(5, Duration.ofMinutes(12), "该手机号提交");

    ResidentController(CaseQueries cases, CategoryService categories, UnitService units,
            DepartmentService departments, CoReporterRepository coReporters, ResidentSettings settings,
            ResidentLinks links, HttpServletRequest request) {
        this.cases = cases;
        this.categories = categories;
        this.units = units;
        this.departments = departments;
        this.coReporters = coReporters;
        this.settings = settings;
        this.links = links;
        this.request = request;
    }

    /**
     * The catalogue's categories (not its top-level areas) with their area as the group: what a resident chooses
     * from. A list of its own rather than opening the registry's GET, which also shows urgencies and is for staff.
     */
    @Operation(summary = "可反映的问题分类 · Categories a resident may report")
    @GetMapping("/categories")
    List<PublicCategory> categories() {
        reads.admit(request.getRemoteAddr());
        List<CategoryView> all = categories.list();
        Map<String, String> names = new HashMap<>();
        all.forEach(c -> names.put(c.code(), c.name()));
        return all.stream().filter(c -> c.parentCode() != null)
                .map(c -> new PublicCategory(c.code(), c.name(), names.getOrDefault(c.parentCode(), "")))
                .toList();
    }

    @Operation(summary = "网格边界（地图用） · Grid outlines for the map")
    @GetMapping("/grids")
    List<GridOutline> grids() {
        reads.admit(request.getRemoteAddr());
        List<GridOutline> outlines = new ArrayList<>();
        for (UnitView grid : units.list(UnitLevel.GRID, null)) {
            outlines.add(new GridOutline(grid.code(), grid.name(), points(grid.boundary())));
        }
        return outlines;
    }

    @Operation(summary = "附近同类未办结的诉求 · Open reports of the same category nearby")
    @GetMapping("/nearby")
    List<Nearby> nearby(@RequestParam(name = "category", required = false) String category,
            @RequestParam(name = "lat", required = false) Double lat,
            @RequestParam(name = "lon", required = false) Double lon) {
        reads.admit(request.getRemoteAddr());
        if (category == null || category.isBlank()) {
            throw new InvalidRequestException("category", "必须填写");
        }
        if (lat == null || lat < -90 || lat > 90) {
            throw new InvalidRequestException("lat", "纬度必须在 -90 到 90 之间");
        }
        if (lon == null || lon < -180 || lon > 180) {
            throw new InvalidRequestException("lon", "经度必须在 -180 到 180 之间");
        }
        Instant since = ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(settings.duplicateDays()));
        return cases.nearbyOpen(category, lat, lon, settings.duplicateRadiusMeters(), since, 10).stream()
                .map(n -> new Nearby(n.caseNumber(), n.status().name(), n.statusLabel(), n.categoryName(),
                        n.receivedAt(), n.photoLinks(), Math.round(n.distanceMeters()),
                        1 + coReporters.countByCaseNumber(n.caseNumber())))
                .toList();
    }

    /** 我也遇到了: the resident follows an open case as one more reporter instead of opening a duplicate. */
    @Operation(summary = "我也遇到了：加入已有诉求 · Join an open case as one more reporter")
    @PostMapping("/cases/{caseNumber}/co-reporters")
    @Transactional
    ResponseEntity<Joined> join(@PathVariable("caseNumber") String caseNumber,
            @RequestBody(required = false) @Valid JoinRequest join) {
        joinsByAddress.admit(request.getRemoteAddr());
        JoinRequest who = join == null ? new JoinRequest(null, null) : join;
        if (who.phone() != null && !who.phone().isBlank()) {
            joinsByPhone.admit(who.phone().replaceAll("\\D", ""));
        }
        CaseStatus status = cases.statusOf(caseNumber)
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        if (status == CaseStatus.CLOSED) {
            throw new ConflictException("工单 " + caseNumber + " 已办结，请重新反映");
        }
        String token = newToken();
        coReporters.save(new CoReporter(caseNumber, blankToNull(who.name()), blankToNull(who.phone()), token,
                ClockUtil.getCurrentTime().toInstant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Joined(caseNumber, token,
                links.trackingPage(caseNumber, token), 1 + coReporters.countByCaseNumber(caseNumber)));
    }

    /** The case as its reporter, or one who joined it, follows it: with either's tracking token. */
    @Operation(summary = "跟踪诉求进展（凭跟踪链接） · Follow a case with its tracking token")
    @GetMapping("/cases/{caseNumber}")
    TrackedCase track(@PathVariable("caseNumber") String caseNumber,
            @RequestParam(name = "token", required = false) String token) {
        reads.admit(request.getRemoteAddr());
        List<String> joined = coReporters.findByCaseNumber(caseNumber).stream().map(CoReporter::trackingToken)
                .toList();
        CaseDetails c = cases.findForReporter(caseNumber, token, joined)
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在，或跟踪链接不正确"));
        return new TrackedCase(c.caseNumber(), c.status().name(), c.statusLabel(), c.categoryName(), c.description(),
                c.address(), c.reporterPhone(), c.photoLinks(), c.receivedAt(), c.handlingDue(), c.closedAt(),
                c.status() == CaseStatus.CLOSED || c.status() == CaseStatus.RETURN_VISIT
                        || c.status() == CaseStatus.FEEDBACK ? c.handlingResult() : null,
                c.resolution(), c.satisfaction(), 1 + joined.size(),
                c.stages().stream().map(s -> new Stage(s.status().name(), s.label(), s.enteredAt())).toList(),
                c.departments().stream().map(d -> new Department(departmentName(d.departmentCode()), d.lead(),
                        d.checkedInAt())).toList());
    }

    private String departmentName(String code) {
        return departments.find(code).map(DepartmentView::name).orElse("相关部门");
    }

    static String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A boundary (WKT, longitude first) as the [lat, lon] points Leaflet draws. */
    private static List<double[]> points(String wkt) {
        if (wkt == null) {
            return List.of();
        }
        try {
            List<double[]> points = new ArrayList<>();
            for (Coordinate point : new WKTReader().read(wkt).getCoordinates()) {
                points.add(new double[] {point.getY(), point.getX()});
            }
            return points;
        } catch (ParseException broken) {
            return List.of();
        }
    }
}

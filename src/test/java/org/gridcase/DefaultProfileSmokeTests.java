package org.gridcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.registry.StaffRole;
import org.gridcase.registry.StaffService;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.gridcase.registry.UnitView;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default profile as `mvn spring-boot:run` starts it: H2, the demo district, everything under processes/ and
 * forms/ deployed, and demo users logging into the Tasklist through Camunda's real login endpoint. Only the H2
 * file is swapped for an in-memory database so that the test starts from nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:default-profile-smoke;DB_CLOSE_DELAY=-1",
            // the demo history, a month of it at a small scale: generated on H2 as on a first start
            "gridcase.demo.history.months=1", "gridcase.demo.history.cases-per-year=1200"})
class DefaultProfileSmokeTests {

    /** Grids of the demo district in 土门街道 and in 红庙坡街道. */
    static final String TUMEN_GRID = "610104007001001";
    static final String HONGMIAO_GRID = "610104006001001";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Autowired
    UnitService units;

    @Autowired
    StaffService staff;

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void deploysEveryModelAndFormUnderProcessesAndForms() {
        List<String> onDisk = Stream.of("processes", "forms")
                .flatMap(DefaultProfileSmokeTests::filesIn)
                .map(f -> f.getFileName().toString())
                .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))
                .sorted().toList();
        List<String> deployed = repository.createDeploymentQuery().list().stream()
                .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream())
                .map(name -> Path.of(name).getFileName().toString())
                .distinct().sorted().toList();

        assertThat(onDisk).as("models and forms in the repository").isNotEmpty();
        assertThat(deployed).containsExactlyElementsOf(onDisk);
    }

    @Test
    void loadsTheDemoDistrict() throws Exception {
        List<UnitView> grids = units.list(UnitLevel.GRID, null);
        assertThat(grids).hasSizeGreaterThanOrEqualTo(10);
        assertThat(units.list(UnitLevel.STREET, null)).extracting(UnitView::name).contains("土门街道", "红庙坡街道");
        assertThat(units.list(UnitLevel.COMMUNITY, null)).extracting(UnitView::name)
                .contains("牡丹庄园社区", "红辉社区", "远东东社区", "大兴东路社区");
        for (StaffRole role : StaffRole.values()) {
            assertThat(staff.list(role, null, null)).as("staff in role " + role).isNotEmpty();
        }
        WKTReader wkt = new WKTReader();
        for (UnitView a : grids) {
            Polygon pa = (Polygon) wkt.read(a.boundary());
            for (UnitView b : grids) {
                if (a.code().compareTo(b.code()) < 0) {
                    assertThat(pa.relate(wkt.read(b.boundary()), "T********"))
                            .as("grids %s and %s overlap", a.code(), b.code()).isFalse();
                }
            }
        }
    }

    @Test
    void makesTheDemoStaffCamundaUsersInTheirGroups() {
        assertThat(groupsOf("grid.worker")).containsExactly("grid-610104007001001");
        assertThat(groupsOf("dept.chengguan")).containsExactly("dept-chengguan");
        assertThat(groupsOf("street.dispatcher")).containsExactlyInAnyOrder("street-610104007", "dispatchers");
        assertThat(groupsOf("supervisor")).containsExactly("supervisors");
        assertThat(groupsOf("auditor")).containsExactly("auditors");
        assertThat(groupsOf("admin")).containsExactly("camunda-admin");
        assertThat(identity.checkPassword("community.staff", "demo")).isTrue();
    }

    @Test
    void letsDemoUsersLogIntoTheTasklistWithDemo() throws Exception {
        for (String user : List.of("grid.worker", "dept.chengguan")) {
            HttpResponse<String> login = logIntoTasklist(user, "demo");
            assertThat(login.statusCode()).as(user).isEqualTo(200);
            assertThat(login.body()).contains("\"userId\":\"" + user + "\"").contains("tasklist");
        }
        assertThat(logIntoTasklist("grid.worker", "demo").body()).doesNotContain("cockpit").doesNotContain("admin");
        assertThat(logIntoTasklist("admin", "demo").body()).contains("cockpit").contains("admin");
        // another user: ten wrong passwords in a row lock an account for a while
        assertThat(logIntoTasklist("grid.leader", "wrong").statusCode()).isNotEqualTo(200);
    }

    @Test
    void locatesAPointOfTheDemoDistrictAndReportsHealthy() throws Exception {
        String auth = Base64.getEncoder().encodeToString("grid.worker:demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> located = http.send(HttpRequest.newBuilder(
                        url("/api/registry/grids/locate?lat=34.2795&lon=108.8835"))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(located.statusCode()).isEqualTo(200);
        assertThat(located.body()).contains("610104007001001").contains("土门街道");

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void opensOneCaseForAnIdempotencyKeySentTwiceAtOnce(@Autowired JdbcTemplate jdbc) throws Exception {
        // the key's claim in H2's SQL, the duplicate key included
        for (int round = 0; round < 5; round++) {
            String key = "smoke-key-%d-%d".formatted(round, System.nanoTime());
            String phone = "1890000%04d".formatted(round);
            List<HttpResponse<String>> answers = together(() -> report(key, phone, TUMEN_GRID),
                    () -> report(key, phone, TUMEN_GRID));

            List<String> stored = jdbc.queryForList("SELECT case_number FROM case_record WHERE reporter_phone = ?",
                    String.class, phone);
            assertThat(stored).as("round %d: cases of %s", round, answers).hasSize(1);
            assertThat(answers).extracting(HttpResponse::statusCode).as("round %d: %s", round, answers)
                    .isSubsetOf(200, 201, 409).containsOnlyOnce(201);
            answers.stream().filter(answer -> answer.statusCode() != 409).forEach(
                    answer -> assertThat(answer.body()).contains("\"caseNumber\":\"" + stored.get(0) + "\""));
        }
    }

    @Test
    void numbersTheFirstTwoReportsOfAStreetsDaySentAtOnce(@Autowired JdbcTemplate jdbc) throws Exception {
        // the demo's live cases are numbered today in every street: these two are numbered ten days ago, a day no
        // report was numbered on, so that they create 红庙坡街道's day's case-number row, on H2
        awaitDemoHistory(jdbc);
        List<HttpResponse<String>> answers;
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(10))));
        try {
            answers = together(
                    () -> report("smoke-first-a-" + System.nanoTime(), "18900010001", HONGMIAO_GRID),
                    () -> report("smoke-first-b-" + System.nanoTime(), "18900010002", HONGMIAO_GRID));
        } finally {
            ClockUtil.reset();
        }

        assertThat(answers).extracting(HttpResponse::statusCode).as("%s", answers).containsOnly(201);
        assertThat(answers).extracting(answer -> JsonPath.<String>read(answer.body(), "$.caseNumber"))
                .extracting(number -> number.substring(number.lastIndexOf('-') + 1))
                .containsExactlyInAnyOrder("0001", "0002");
    }

    /** Sends both requests at the same moment, from two threads. */
    @SafeVarargs
    private static List<HttpResponse<String>> together(Callable<HttpResponse<String>>... requests) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(requests.length);
        List<CompletableFuture<HttpResponse<String>>> sent = Stream.of(requests)
                .map(request -> CompletableFuture.supplyAsync(() -> {
                    try {
                        barrier.await(10, TimeUnit.SECONDS);
                        return request.call();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toList();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : sent) {
            answers.add(answer.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    /** A report taken by the hotline (not limited) in a grid, with an Idempotency-Key. */
    private HttpResponse<String> report(String key, String phone, String grid) throws Exception {
        String auth = Base64.getEncoder().encodeToString("hotline:demo".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(url("/api/cases"))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"category":"TRAFFIC.BUS_BLOCKING","description":"公交车排队进站，堵塞道路","address":"公交站",
                         "gridCode":"%s","reporterPhone":"%s","channel":"HOTLINE_12345"}"""
                        .formatted(grid, phone))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The Tasklist's own login: fetch the page for the XSRF cookie, then post the form with its token. */
    private HttpResponse<String> logIntoTasklist(String user, String password) throws Exception {
        http.send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String token = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", token)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The evaluation's SQL (trend buckets, the 90th percentile, a frozen month) as H2 runs it. */
    @Test
    void computesTheEvaluationOnH2(@Autowired org.gridcase.evaluation.Evaluation evaluation,
            @Autowired org.gridcase.evaluation.DepartmentEvaluation departments) {
        identity.setAuthentication("admin", List.of("camunda-admin"));
        try {
            var period = evaluation.period("YEAR", null, null, null);
            var filters = org.gridcase.evaluation.Filters.NONE;
            assertThat(evaluation.overview(period, filters).trend()).hasSize(12);
            assertThat(evaluation.breakdown(org.gridcase.evaluation.Dimension.ASSISTING_DEPARTMENT, period, filters)
                    .rows()).isNotNull();
            assertThat(evaluation.casesBehind(org.gridcase.evaluation.Measure.RESPONSE_RATE, null, period, filters,
                    null, null, 0, 10).total()).isNotNegative();
            assertThat(departments.close(java.time.YearMonth.of(2020, 2)).frozen()).isTrue();
            assertThat(departments.table(java.time.YearMonth.of(2020, 2)).frozen()).isTrue();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** A folder's files; a folder git does not have yet (no file in it) has none. */
    private static Stream<Path> filesIn(String folder) {
        Path dir = Path.of(folder);
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    @Test
    void generatesTheDemoHistoryOnceInTheBackground(@Autowired JdbcTemplate jdbc) throws Exception {
        awaitDemoHistory(jdbc);
        // the cases still running at the history's end are live cases, each with its process
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE description LIKE '【演示在办】%'"
                + " AND process_instance_id IS NULL", Integer.class)).isZero();
        Integer cases = jdbc.queryForObject(
                "SELECT COUNT(*) FROM case_record WHERE description LIKE '【演示历史】%'", Integer.class);
        assertThat(cases).isBetween(60, 150);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_fact f JOIN case_record r"
                + " ON r.case_number = f.case_number WHERE r.description LIKE '【演示历史】%'", Integer.class))
                .isEqualTo(cases);
    }

    /** The history and its live cases are made in the background after start; done once the marker is written. */
    private static void awaitDemoHistory(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_state WHERE name = 'demo-history-generated'",
                Integer.class) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
    }
}

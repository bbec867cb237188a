package org.gridcase.registry;

import static org.gridcase.EmbeddedPostgresInitializer.ADMIN;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN_PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The registry's REST API through the real security, validation and error handling, on PostgreSQL. */
@PostgresTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryApiTests {

    static final String WORKER = "api.worker";
    static final String WORKER_PASSWORD = "worker-secret";
    static final String GUEST = "api.guest";

    @Autowired
    MockMvc mvc;

    @Autowired
    DepartmentService departments;

    TestDistrict d;

    @BeforeAll
    void createDistrictAndAWorker(@Autowired UnitService units, @Autowired DepartmentService departments,
            @Autowired StaffService staff, @Autowired IdentityService identity) {
        d = TestDistrict.create(units, departments, "990201", 31.0, 101.0);
        for (String username : new String[] {WORKER, GUEST}) {
            TestDistrict.addStaff(staff, username, StaffRole.GRID_WORKER, d.westGrid(), null);
            var user = identity.createUserQuery().userId(username).singleResult();
            user.setPassword(WORKER_PASSWORD);
            identity.saveUser(user);
        }
    }

    static RequestPostProcessor admin() {
        return httpBasic(ADMIN, ADMIN_PASSWORD);
    }

    static RequestPostProcessor worker() {
        return httpBasic(WORKER, WORKER_PASSWORD);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    // --- locate ---------------------------------------------------------------------------------------------

    @Test
    void locatesAPointInsideAGrid() throws Exception {
        mvc.perform(get("/api/registry/grids/locate").with(worker())
                        .param("lat", String.valueOf(d.lat0() + 0.005)).param("lon", String.valueOf(d.lon0() + 0.005)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grid.code").value(d.westGrid()))
                .andExpect(jsonPath("$.community.code").value(d.community()))
                .andExpect(jsonPath("$.street.code").value(d.street()))
                .andExpect(jsonPath("$.street.name").value("测试街道"));
    }

    @Test
    void answers404WithAClearMessageOutsideEveryGrid() throws Exception {
        mvc.perform(get("/api/registry/grids/locate").with(worker()).param("lat", "-45.5").param("lon", "-120.25"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("不在任何网格内")));
    }

    @Test
    void answers400NamingTheCoordinateThatIsOutOfRange() throws Exception {
        mvc.perform(get("/api/registry/grids/locate").with(worker()).param("lat", "91").param("lon", "108.9"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("lat"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("-90 到 90")));
        mvc.perform(get("/api/registry/grids/locate").with(worker()).param("lat", "34.2").param("lon", "-180.5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lon"));
    }

    @Test
    void answers400ForMalformedOrMissingCoordinates() throws Exception {
        mvc.perform(get("/api/registry/grids/locate").with(worker()).param("lat", "34.2x").param("lon", "108.9"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lat"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("34.2x")));
        mvc.perform(get("/api/registry/grids/locate").with(worker()).param("lat", "NaN").param("lon", "108.9"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("lat"));
        mvc.perform(get("/api/registry/grids/locate").with(worker()).param("lat", "34.2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lon"));
    }

    // --- security -------------------------------------------------------------------------------------------

    @Test
    void asksForALogin() throws Exception {
        mvc.perform(get("/api/registry/units")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/registry/units").with(httpBasic("api.nobody", "wrong")))
                .andExpect(status().isUnauthorized());
        // a user of its own: wrong passwords count towards that user's lock
        mvc.perform(get("/api/registry/units").with(httpBasic(GUEST, "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void letsOnlyAdministratorsChangeTheRegistry() throws Exception {
        String body = """
                {"code":"990201002","level":"STREET","name":"越权街道","parentCode":"990201"}""";
        mvc.perform(json(post("/api/registry/units"), body).with(worker())).andExpect(status().isForbidden());
        mvc.perform(get("/api/registry/units/990201002").with(admin())).andExpect(status().isNotFound());
    }

    // --- units ----------------------------------------------------------------------------------------------

    @Test
    void listsAndGetsUnits() throws Exception {
        mvc.perform(get("/api/registry/units").with(worker()).param("parent", d.community()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].code").value(d.westGrid()))
                .andExpect(jsonPath("$[0].levelLabel").value("网格"))
                .andExpect(jsonPath("$[0].boundary").value(containsString("POLYGON")));
        mvc.perform(get("/api/registry/units/" + d.street()).with(worker()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("STREET"))
                .andExpect(jsonPath("$.parentCode").value(d.district()));
        mvc.perform(get("/api/registry/units/000000").with(worker()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("000000")));
    }

    @Test
    void createsAndRenamesAGrid() throws Exception {
        String boundary = TestDistrict.square(d.lat0() + TestDistrict.SIZE, d.lon0());
        mvc.perform(json(post("/api/registry/units"), """
                        {"code":"%s003","level":"GRID","name":"北网格","parentCode":"%s","boundary":"%s"}"""
                        .formatted(d.community(), d.community(), boundary)).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(d.community() + "003"));
        mvc.perform(json(put("/api/registry/units/" + d.community() + "003"), """
                        {"name":"北网格（新）","boundary":"%s"}""".formatted(boundary)).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("北网格（新）"));
        mvc.perform(get("/api/registry/grids/locate").with(worker())
                        .param("lat", String.valueOf(d.lat0() + 0.015)).param("lon", String.valueOf(d.lon0() + 0.005)))
                .andExpect(jsonPath("$.grid.name").value("北网格（新）"));
    }

    @Test
    void answers400NamingEveryInvalidFieldOfANewUnit() throws Exception {
        mvc.perform(json(post("/api/registry/units"), """
                        {"code":"12ab","name":"  "}""").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("level")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
    }

    @Test
    void answers400ForAnUnknownLevelAndForBrokenJson() throws Exception {
        mvc.perform(json(post("/api/registry/units"), """
                        {"code":"990201009","level":"VILLAGE","name":"x","parentCode":"990201"}""").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("VILLAGE")));
        mvc.perform(json(post("/api/registry/units"), "{\"code\": ").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void rejectsAUnitUnderAParentOfTheWrongLevel() throws Exception {
        mvc.perform(json(post("/api/registry/units"), """
                        {"code":"990201001009","level":"COMMUNITY","name":"错层社区","parentCode":"990201"}""")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("街道")));
    }

    @Test
    void rejectsAGridThatOverlapsAnother() throws Exception {
        String overlapping = TestDistrict.square(d.lat0() + 0.002, d.lon0() + 0.002);
        mvc.perform(json(post("/api/registry/units"), """
                        {"code":"%s009","level":"GRID","name":"重叠网格","parentCode":"%s","boundary":"%s"}"""
                        .formatted(d.community(), d.community(), overlapping)).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("boundary"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(d.westGrid())));
        mvc.perform(get("/api/registry/units/" + d.community() + "009").with(admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void answers409ForACodeThatIsTaken() throws Exception {
        mvc.perform(json(post("/api/registry/units"), """
                        {"code":"%s","level":"STREET","name":"重复","parentCode":"%s"}"""
                        .formatted(d.street(), d.district())).with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString(d.street())));
    }

    // --- departments, categories, staff --------------------------------------------------------------------

    @Test
    void createsADepartmentOnlyWithKnownCategories() throws Exception {
        mvc.perform(json(post("/api/registry/departments"), """
                        {"code":"bus990201","name":"测试公交公司","kind":"OUTSIDE_BODY","categories":["TRAFFIC.NO_SUCH"]}""")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("categories"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("TRAFFIC.NO_SUCH")));
        mvc.perform(json(post("/api/registry/departments"), """
                        {"code":"bus990201","name":"测试公交公司","kind":"OUTSIDE_BODY","categories":["TRAFFIC.BUS_BLOCKING"]}""")
                        .with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kindLabel").value("社会单位"))
                .andExpect(jsonPath("$.categories[0]").value("TRAFFIC.BUS_BLOCKING"));
        mvc.perform(get("/api/registry/departments/bus990201").with(worker()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("测试公交公司"));
    }

    @Test
    void sortsOutsideBodiesAndRetiresAPartyWithoutLosingIt() throws Exception {
        mvc.perform(json(post("/api/registry/departments"), """
                        {"code":"water990201","name":"测试供水公司","kind":"OUTSIDE_BODY","bodyKind":"AIRLINE"}""")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bodyKind"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("AIRLINE")));
        mvc.perform(json(post("/api/registry/departments"), """
                        {"code":"water990201","name":"测试供水公司","kind":"DEPARTMENT","bodyKind":"UTILITY"}""")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bodyKind"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("社会单位")));
        mvc.perform(json(post("/api/registry/departments"), """
                        {"code":"water990201","name":"测试供水公司","kind":"OUTSIDE_BODY","bodyKind":"UTILITY"}""")
                        .with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.bodyKindLabel").value("供水/供电/燃气企业"))
                .andExpect(jsonPath("$.active").value(true));
        // an outside body created without a sort is 其他; a department has none
        mvc.perform(json(post("/api/registry/departments"), """
                        {"code":"ngo990201","name":"测试社工站","kind":"OUTSIDE_BODY"}""").with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.bodyKind").value("OTHER"))
                .andExpect(jsonPath("$.bodyKindLabel").value("其他"));

        // when: retired, by an administrator only; a change that leaves "active" out keeps it as it is
        mvc.perform(json(put("/api/registry/departments/water990201"), """
                        {"name":"测试供水公司","kind":"OUTSIDE_BODY","active":false}""").with(worker()))
                .andExpect(status().isForbidden());
        mvc.perform(json(put("/api/registry/departments/water990201"), """
                        {"name":"测试供水公司","kind":"OUTSIDE_BODY","active":false}""").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.bodyKind").value("UTILITY"));
        mvc.perform(json(put("/api/registry/departments/water990201"), """
                        {"name":"测试供水公司（停用）","kind":"OUTSIDE_BODY"}""").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));

        // then: still listed and named (old cases keep it), but not offered any more
        mvc.perform(get("/api/registry/departments/water990201").with(worker()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("测试供水公司（停用）"));
        org.assertj.core.api.Assertions.assertThat(departments.offered())
                .extracting(DepartmentView::code).contains("ngo990201").doesNotContain("water990201");
        org.assertj.core.api.Assertions.assertThat(departments.findOffered("water990201")).isEmpty();
    }

    @Test
    void listsTheCategoryCatalogueWithPathsAndUrgencies() throws Exception {
        mvc.perform(get("/api/registry/categories/MUNICIPAL.MANHOLE_COVER_MISSING").with(worker()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.path").value("市政设施/井盖缺失"))
                .andExpect(jsonPath("$.defaultUrgency").value("URGENT"));
        mvc.perform(get("/api/registry/categories").with(worker()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].path", hasItem("安全隐患/路面塌陷")))
                .andExpect(jsonPath("$[*].path", hasItem("矛盾纠纷/邻里纠纷")));
    }

    @Test
    void createsACategoryUnderItsParent() throws Exception {
        mvc.perform(json(post("/api/registry/categories"), """
                        {"code":"MUNICIPAL.BENCH_BROKEN","name":"座椅损坏","parentCode":"SANITATION","defaultUrgency":"ROUTINE"}""")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(json(post("/api/registry/categories"), """
                        {"code":"MUNICIPAL.BENCH_BROKEN","name":"座椅损坏","parentCode":"MUNICIPAL","defaultUrgency":"ROUTINE"}""")
                        .with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.path").value("市政设施/座椅损坏"));
    }

    @Test
    void rejectsStaffAttachedToTheWrongKindOfUnit() throws Exception {
        mvc.perform(json(post("/api/registry/staff"), """
                        {"username":"wrong.place","fullName":"错位","role":"GRID_WORKER","unitCode":"%s"}"""
                        .formatted(d.community())).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("网格")));
        mvc.perform(json(post("/api/registry/staff"), """
                        {"username":"no.dept","fullName":"无部门","role":"DEPARTMENT_STAFF"}""").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departmentCode"));
        mvc.perform(json(post("/api/registry/staff"), """
                        {"username":"Bad Name","fullName":"x","email":"not-an-email","role":"AUDITOR","unitCode":"%s"}"""
                        .formatted(d.district())).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("email")));
        mvc.perform(get("/api/registry/staff/wrong.place").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void createsStaffAndListsThemByUnit() throws Exception {
        mvc.perform(json(post("/api/registry/staff"), """
                        {"username":"api.leader","fullName":"网格长甲","role":"GRID_LEADER","unitCode":"%s"}"""
                        .formatted(d.eastGrid())).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roleLabel").value("网格长"))
                .andExpect(jsonPath("$.active").value(true));
        mvc.perform(get("/api/registry/staff").param("unit", d.eastGrid()).with(worker()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem("api.leader")));
    }
}

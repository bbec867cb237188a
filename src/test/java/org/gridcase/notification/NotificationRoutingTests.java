package org.gridcase.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.PostgresTest;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.NotifyBy;
import org.gridcase.registry.StaffRole;
import org.gridcase.registry.StaffService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The routing table (processes/NotificationRouting.dmn) with the registry's addresses: who hears a message on which
 * channel, at which address, and from when.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationRoutingTests {

    static final String STREET_WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=street";
    static final String DEPT_WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=dept";
    static final String DEPT_DINGTALK = "https://oapi.dingtalk.com/robot/send?access_token=dept";
    static final String GRID_DINGTALK = "https://oapi.dingtalk.com/robot/send?access_token=grid";
    /** Thursday 10:00 in the district. */
    static final Instant TEN = OffsetDateTime.parse("2025-10-16T10:00:00+08:00").toInstant();

    @Autowired
    NotificationRouting routing;

    @Autowired
    IdentityService identity;

    TestDistrict d;

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments,
            @Autowired StaffService staff) {
        d = TestDistrict.create(units, departments, "990251", 31.4, 101.4);
        TestDistrict.setRobots(units, d.street(), STREET_WECOM, null, null);
        TestDistrict.setRobots(units, d.westGrid(), null, GRID_DINGTALK, "SECgrid");
        TestDistrict.setRobots(departments, d.department(), DEPT_WECOM, DEPT_DINGTALK, "SECdept");
        TestDistrict.addStaff(staff, "route.sms", StaffRole.DEPARTMENT_STAFF, null, d.department(), "13911110001",
                null, NotifyBy.SMS);
        TestDistrict.addStaff(staff, "route.mail", StaffRole.DEPARTMENT_STAFF, null, d.department(), "13911110002",
                "mail@example.gov.cn", NotifyBy.EMAIL);
        TestDistrict.addStaff(staff, "route.bell", StaffRole.DEPARTMENT_STAFF, null, d.department(), "13911110003",
                "bell@example.gov.cn", NotifyBy.INAPP);
        TestDistrict.addStaff(staff, "route.leader", StaffRole.DISTRICT_SUPERVISOR, d.district(), null,
                "13911110004", null, NotifyBy.SMS);
        TestDistrict.addStaff(staff, "route.worker", StaffRole.GRID_WORKER, d.westGrid(), null, "13911110005",
                null, NotifyBy.SMS);
        // leaders are made members in Camunda Admin, not in the registry
        identity.createMembership("route.leader", "leaders");
    }

    @BeforeEach
    void atTen() {
        ClockUtil.setCurrentTime(Date.from(TEN));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    static Notification message(Recipient recipient, NotificationTemplate template, boolean urgent) {
        return new Notification(recipient, "TST1", template, "……", urgent);
    }

    @Test
    void textsTheReporterAtIntakeFeedbackAndReopening() {
        for (NotificationTemplate event : List.of(NotificationTemplate.REPORTER_RECEIVED,
                NotificationTemplate.REPORTER_FEEDBACK, NotificationTemplate.REPORTER_REOPENED,
                NotificationTemplate.REPORTER_AGREEMENT_REACHED)) {
            assertThat(routing.routes(message(Recipient.reporter("13800000001"), event, false)))
                    .containsExactly(new Route("sms", "13800000001", TEN));
        }
    }

    @Test
    void summonsADepartmentThroughItsRobotsItsMembersChoiceAndTheBell() {
        List<Route> routes = routing.routes(message(Recipient.group("dept-" + d.department()),
                NotificationTemplate.DEPARTMENT_SUMMONED, false));

        assertThat(routes).containsExactlyInAnyOrder(
                new Route("wecom", DEPT_WECOM, TEN),
                new Route("dingtalk", DEPT_DINGTALK, TEN),
                new Route("sms", "13911110001", TEN),
                new Route("email", "mail@example.gov.cn", TEN),
                new Route("inapp", "group:dept-" + d.department(), TEN));
    }

    @Test
    void leavesOutAChannelWithoutAnAddress() {
        // the street has a WeCom robot and no DingTalk one, and none of its members chose SMS
        assertThat(routing.routes(message(Recipient.group("street-" + d.street()),
                NotificationTemplate.LATE_CHECK_IN_STREET, false)))
                .containsExactlyInAnyOrder(
                        new Route("wecom", STREET_WECOM, TEN),
                        new Route("inapp", "group:street-" + d.street(), TEN));
    }

    @Test
    void tellsTheLeadersOfARedCardByTheirOwnChoiceAndTheBell() {
        assertThat(routing.routes(message(Recipient.group("leaders"), NotificationTemplate.LADDER_RED_CARD, true)))
                .containsExactlyInAnyOrder(
                        new Route("sms", "13911110004", TEN),
                        new Route("inapp", "group:leaders", TEN));
    }

    @Test
    void sendsAGridsRoutineWarningToTheBellOnlyAndAnUrgentOneToItsRobotToo() {
        Recipient grid = Recipient.group("grid-" + d.westGrid());

        assertThat(routing.routes(message(grid, NotificationTemplate.LADDER_WARNING, false)))
                .containsExactly(new Route("inapp", "group:grid-" + d.westGrid(), TEN));
        assertThat(routing.routes(message(grid, NotificationTemplate.LADDER_WARNING, true)))
                .containsExactlyInAnyOrder(
                        new Route("dingtalk", GRID_DINGTALK, TEN),
                        new Route("inapp", "group:grid-" + d.westGrid(), TEN));
    }

    @Test
    void urgesOnePersonInTheBellAndByTheirChoice() {
        assertThat(routing.routes(message(Recipient.user("route.worker"), NotificationTemplate.URGE, false)))
                .containsExactlyInAnyOrder(
                        new Route("sms", "13911110005", TEN),
                        new Route("inapp", "user:route.worker", TEN));
        assertThat(routing.routes(message(Recipient.user("route.bell"), NotificationTemplate.URGE, false)))
                .containsExactly(new Route("inapp", "user:route.bell", TEN));
    }

    @Test
    void routesTheSameWhoeverIsSignedIn() {
        // a grid worker may not read other users; the leaders hear of the red card all the same
        identity.setAuthentication("route.worker", List.of("grid-" + d.westGrid()));

        assertThat(routing.routes(message(Recipient.group("leaders"), NotificationTemplate.LADDER_RED_CARD, true)))
                .contains(new Route("sms", "13911110004", TEN));
    }

    @Test
    void holdsAResidentsRoutineTextAtNightUntilEightAndSendsAnEmergencyOnesAtOnce() {
        // given the engine's clock at 22:30 in the district
        Instant night = OffsetDateTime.parse("2025-10-16T22:30:00+08:00").toInstant();
        ClockUtil.setCurrentTime(Date.from(night));
        Instant eight = OffsetDateTime.parse("2025-10-17T08:00:00+08:00").toInstant();

        // then a routine text waits, an urgent one and the staff's messages do not
        assertThat(routing.routes(message(Recipient.reporter("13800000001"), NotificationTemplate.REPORTER_FEEDBACK,
                false))).containsExactly(new Route("sms", "13800000001", eight));
        assertThat(routing.routes(message(Recipient.reporter("13800000001"), NotificationTemplate.REPORTER_RECEIVED,
                true))).containsExactly(new Route("sms", "13800000001", night));
        assertThat(routing.routes(message(Recipient.group("dept-" + d.department()),
                NotificationTemplate.DEPARTMENT_SUMMONED, false))).allSatisfy(route ->
                assertThat(route.notBefore()).isEqualTo(night));
    }
}

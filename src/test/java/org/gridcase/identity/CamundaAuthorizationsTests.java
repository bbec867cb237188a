package org.gridcase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each group gets its part of Camunda and no more. */
@PostgresTest
class CamundaAuthorizationsTests {

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    CamundaAuthorizations camundaAuthorizations;

    @Test
    void letsAGridWorkerIntoTheTasklistOnly() {
        List<String> groups = List.of("grid-990501001001001");

        assertThat(may("w", groups, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(may("w", groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(may("w", groups, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
        assertThat(may("w", groups, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "GridReportProcess"))
                .as("grid workers report cases").isTrue();
        assertThat(may("w", groups, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "SomeOtherProcess"))
                .isFalse();
    }

    @Test
    void letsTheHotlineStartCases() {
        List<String> groups = List.of("hotline");

        assertThat(may("h", groups, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "GridReportProcess"))
                .isTrue();
        assertThat(may("h", groups, Permissions.CREATE, Resources.PROCESS_INSTANCE, "any")).isTrue();
    }

    @Test
    void letsNeitherTheHotlineNorDispatchersStartACalledProcessByHand() {
        // given: the grant of an earlier version, on every process
        Authorization earlier = authorizations.createAuthorizationQuery().groupIdIn("dispatchers")
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
        if (earlier == null) {
            earlier = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            earlier.setGroupId("dispatchers");
            earlier.setResource(Resources.PROCESS_DEFINITION);
            earlier.setResourceId("*");
        }
        earlier.addPermission(Permissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(earlier);

        // when: the application starts again
        camundaAuthorizations.grant();

        // then: cases, yes; a mediation or a meeting without its case, no
        for (String group : List.of("hotline", "dispatchers")) {
            List<String> groups = List.of(group);
            assertThat(may("d", groups, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "GridReportProcess"))
                    .as(group).isTrue();
            assertThat(may("d", groups, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "MediationProcess"))
                    .as(group).isFalse();
            assertThat(may("d", groups, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                    "ConsultationMeeting")).as(group).isFalse();
        }
    }

    @Test
    void letsSupervisorsAndAuditorsReadCockpitButChangeNothing() {
        for (String group : List.of("supervisors", "auditors")) {
            List<String> groups = List.of(group);
            assertThat(may("s", groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).as(group).isTrue();
            assertThat(may("s", groups, Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "x")).as(group).isTrue();
            assertThat(may("s", groups, Permissions.DELETE, Resources.PROCESS_INSTANCE, "x")).as(group).isFalse();
            assertThat(may("s", groups, Permissions.ACCESS, Resources.APPLICATION, "admin")).as(group).isFalse();
        }
    }

    @Test
    void letsAdministratorsDoEverythingAndGrantsOnlyOnce() {
        // when: the application starts again
        camundaAuthorizations.grant();

        // then
        List<String> groups = List.of("camunda-admin");
        assertThat(may("a", groups, Permissions.ACCESS, Resources.APPLICATION, "admin")).isTrue();
        assertThat(may("a", groups, Permissions.DELETE, Resources.USER, "anyone")).isTrue();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn("supervisors")
                .resourceType(Resources.APPLICATION).resourceId("cockpit").count()).isEqualTo(1);
    }

    @Test
    void twoNodesStartingTogetherGrantWithoutFailing() throws Exception {
        // given: grants missing, as on a database that two nodes meet first
        authorizations.createAuthorizationQuery().groupIdIn("supervisors", "auditors").list()
                .forEach(found -> authorizations.deleteAuthorization(found.getId()));

        // when: both nodes grant at the same moment, and neither fails
        Concurrently.twice(camundaAuthorizations::grant);

        // then
        for (String group : List.of("supervisors", "auditors")) {
            assertThat(authorizations.createAuthorizationQuery().groupIdIn(group)
                    .resourceType(Resources.APPLICATION).resourceId("cockpit").count()).as(group).isEqualTo(1);
            assertThat(may("s", List.of(group), Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "x")).isTrue();
        }
    }

    private boolean may(String user, List<String> groups, Permission permission, Resource resource, String id) {
        return authorizations.isUserAuthorized(user, groups, permission, resource, id);
    }
}

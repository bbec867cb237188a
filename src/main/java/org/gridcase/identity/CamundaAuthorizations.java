package org.gridcase.identity;

import java.util.Arrays;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.gridcase.cluster.ClusterLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each group may do in Camunda, granted at start (idempotently) because Camunda authorization is on: a grid
 * worker works in the Tasklist and nowhere else; supervisors and auditors also read Cockpit; administrators may
 * do everything. Who may work on a task is not granted here: the engine grants it to the task's candidate groups
 * and assignee when the process creates the task.
 *
 * <p>Camunda allows one grant per group and resource: two nodes starting together would both find a grant missing
 * and the second would fail on the unique key. The grants are made in one transaction holding the cluster lock
 * {@value #LOCK}, so the second node finds them made.
 */
@Component
class CamundaAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(CamundaAuthorizations.class);
    private static final String ANY = Authorization.ANY;

    static final String LOCK = "camunda-authorizations";

    private final AuthorizationService authorizations;
    private final ClusterLocks locks;

    CamundaAuthorizations(AuthorizationService authorizations, ClusterLocks locks) {
        this.authorizations = authorizations;
        this.locks = locks;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-1)
    @Transactional
    public void grant() {
        locks.lockForTransaction(LOCK);
        for (Resource resource : Resources.values()) {
            grant(CamundaGroups.ADMINISTRATORS, resource, ANY, Permissions.ALL);
        }
        // Everyone: the Tasklist and the process definitions their tasks belong to. Filters are granted one by one
        // (TasklistFilters): shared ones to everyone, a unit's to its group.
        grant(null, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        revokeGlobal(Resources.FILTER, ANY);
        grant(null, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        grant(null, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        // Everyone may open a case (residents do, anonymously): grid workers report through the API as themselves,
        // the hotline desk through the Tasklist's "Start process".
        grant(null, Resources.PROCESS_DEFINITION, "GridReportProcess", Permissions.CREATE_INSTANCE);
        grant(null, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        // The hotline desk and the street dispatchers open cases from the Tasklist, as everyone may. They no longer
        // start any process: a mediation or a consultation meeting started by hand belongs to no case, and takes
        // whatever variables it is given; those processes are called by a case's process.
        for (String group : new String[] {CamundaGroups.HOTLINE, CamundaGroups.DISPATCHERS}) {
            revoke(group, Resources.PROCESS_DEFINITION, ANY, Permissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        // Supervisors and auditors see every case and its history in Cockpit, and change nothing there.
        for (String group : new String[] {CamundaGroups.SUPERVISORS, CamundaGroups.AUDITORS}) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
                    Permissions.READ_HISTORY, Permissions.READ_TASK);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grant(group, Resources.TASK, ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        }
    }

    /** Removes a global grant earlier versions made. */
    private void revokeGlobal(Resource resource, String resourceId) {
        authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId)
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL).list()
                .forEach(found -> authorizations.deleteAuthorization(found.getId()));
    }

    /** Takes a permission an earlier version granted from the group's grant on the resource. */
    private void revoke(String group, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizations.createAuthorizationQuery().resourceType(resource)
                .resourceId(resourceId).groupIdIn(group).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
        if (authorization != null && authorization.isPermissionGranted(permission)) {
            authorization.removePermission(permission);
            authorizations.saveAuthorization(authorization);
            log.info("Revoked {} on {} {} from {}", permission, resource.resourceName(), resourceId, group);
        }
    }

    /** Adds the permissions to the group's grant on the resource (a global grant when group is null). */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        var query = authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId);
        Authorization authorization = (group == null
                ? query.authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                : query.groupIdIn(group).authorizationType(Authorization.AUTH_TYPE_GRANT)).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(
                    group == null ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            if (group == null) {
                authorization.setUserId(ANY);
            } else {
                authorization.setGroupId(group);
            }
        }
        boolean changed = false;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
            log.info("Granted {} on {} {} to {}", Arrays.toString(permissions), resource.resourceName(),
                    resourceId, group == null ? "everyone" : group);
        }
    }
}

package org.gridcase.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.gridcase.cluster.ClusterLocks;
import org.gridcase.registry.DepartmentChanged;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.gridcase.registry.StaffChanged;
import org.gridcase.registry.StaffService;
import org.gridcase.registry.StaffView;
import org.gridcase.registry.UnitChanged;
import org.gridcase.registry.UnitService;
import org.gridcase.registry.UnitView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps Camunda's users and groups in step with the registry, which is their master.
 *
 * <p>Why a synchronisation rather than a read-only identity provider: Camunda's own database identity keeps
 * working as it is, so passwords stay hashed in the engine, Camunda Admin can reset them, and the Tasklist,
 * Cockpit and REST API need nothing special. The registry decides who exists and which groups they belong to;
 * the sync runs in full at start and for the one record that changed after each registry change. Change events
 * go through Spring Modulith's publication registry, so a sync that fails is retried at the next start.
 *
 * <p>Only groups gridcase manages ({@link CamundaGroups#isManaged}) and users that are staff are touched: an
 * administrator created in Camunda Admin, and memberships in groups made there, are left alone.
 *
 * <p>Two nodes may sync at once (both starting, or one starting while the other follows a registry change): each
 * sync holds the cluster lock {@value #LOCK} for its transaction, so the second finds what the first created instead
 * of failing on Camunda's unique keys.
 */
@Component
class CamundaIdentitySync {

    private static final Logger log = LoggerFactory.getLogger(CamundaIdentitySync.class);

    static final String LOCK = "camunda-identity";

    private final IdentityService identity;
    private final StaffService staff;
    private final UnitService units;
    private final DepartmentService departments;
    private final String initialPassword;
    private final ClusterLocks locks;

    CamundaIdentitySync(IdentityService identity, StaffService staff, UnitService units,
            DepartmentService departments, @Value("${gridcase.identity.initial-password:}") String initialPassword,
            ClusterLocks locks) {
        this.identity = identity;
        this.staff = staff;
        this.units = units;
        this.departments = departments;
        this.initialPassword = initialPassword;
        this.locks = locks;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void synchroniseAll() {
        locks.lockForTransaction(LOCK);
        CamundaGroups.ROLE_GROUPS.forEach((id, name) -> saveGroup(id, name,
                CamundaGroups.ADMINISTRATORS.equals(id) ? CamundaGroups.SYSTEM_TYPE : CamundaGroups.WORKFLOW_TYPE));
        List<UnitView> allUnits = units.list(null, null);
        allUnits.forEach(this::saveUnitGroup);
        List<DepartmentView> allDepartments = departments.list();
        allDepartments.forEach(this::saveDepartmentGroup);
        List<StaffView> everyone = staff.list(null, null, null);
        everyone.forEach(this::saveUser);
        log.info("Camunda identity synchronised from the registry: {} staff, {} units, {} departments",
                everyone.size(), allUnits.size(), allDepartments.size());
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(StaffChanged event) {
        locks.lockForTransaction(LOCK);
        staff.find(event.username()).ifPresent(this::saveUser);
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(UnitChanged event) {
        locks.lockForTransaction(LOCK);
        saveUnitGroup(units.get(event.code()));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(DepartmentChanged event) {
        locks.lockForTransaction(LOCK);
        saveDepartmentGroup(departments.get(event.code()));
    }

    private void saveUnitGroup(UnitView unit) {
        String id = CamundaGroups.ofUnit(unit.level(), unit.code());
        if (id != null) {
            saveGroup(id, unit.name(), CamundaGroups.WORKFLOW_TYPE);
        }
    }

    private void saveDepartmentGroup(DepartmentView department) {
        saveGroup(CamundaGroups.ofDepartment(department.code()), department.name(), CamundaGroups.WORKFLOW_TYPE);
    }

    private void saveGroup(String id, String name, String type) {
        Group group = identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identity.newGroup(id);
        } else if (name.equals(group.getName()) && type.equals(group.getType())) {
            return;
        }
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
    }

    private void saveUser(StaffView member) {
        User user = identity.createUserQuery().userId(member.username()).singleResult();
        if (!member.active()) {
            if (user != null) {
                identity.deleteUser(member.username());
                log.info("Camunda user {} removed: staff record is inactive", member.username());
            }
            return;
        }
        if (user == null) {
            user = identity.newUser(member.username());
            if (!initialPassword.isEmpty()) {
                user.setPassword(initialPassword);
            }
            fill(user, member);
            identity.saveUser(user);
        } else if (!describes(user, member)) {
            fill(user, member);
            identity.saveUser(user);
        }
        saveMemberships(member);
    }

    private void saveMemberships(StaffView member) {
        Set<String> wanted = CamundaGroups.of(member);
        Set<String> current = new HashSet<>();
        for (Group group : identity.createGroupQuery().groupMember(member.username()).list()) {
            if (CamundaGroups.isManaged(group.getId())) {
                current.add(group.getId());
            }
        }
        for (String group : wanted) {
            if (!current.contains(group)) {
                identity.createMembership(member.username(), group);
            }
        }
        for (String group : current) {
            if (!wanted.contains(group)) {
                identity.deleteMembership(member.username(), group);
            }
        }
    }

    /** Tasklist shows "first last": the full name, then the role, reads naturally in Chinese. */
    private static void fill(User user, StaffView member) {
        user.setFirstName(member.fullName());
        user.setLastName(member.roleLabel());
        user.setEmail(member.email());
    }

    private static boolean describes(User user, StaffView member) {
        return member.fullName().equals(user.getFirstName()) && member.roleLabel().equals(user.getLastName())
                && Objects.equals(member.email(), user.getEmail());
    }
}

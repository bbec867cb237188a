package org.gridcase.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A member of staff, attached to one unit or one department. The username is also the Camunda user id. */
@Entity
@Table(name = "registry_staff")
class Staff {

    @Id
    private String username;

    private String fullName;

    private String phone;

    private String email;

    @Enumerated(EnumType.STRING)
    private StaffRole role;

    private String unitCode;

    private String departmentCode;

    private boolean active = true;

    @Enumerated(EnumType.STRING)
    private NotifyBy notifyBy = NotifyBy.INAPP;

    @Version
    private long version;

    protected Staff() {
    }

    Staff(String username) {
        this.username = username;
    }

    void describe(StaffRequest request) {
        this.fullName = request.fullName();
        this.phone = request.phone();
        this.email = request.email();
        this.role = request.role();
        this.unitCode = request.unitCode();
        this.departmentCode = request.departmentCode();
        this.active = request.active() == null || request.active();
        if (request.notifyBy() != null) {
            this.notifyBy = request.notifyBy();
        }
    }

    String username() {
        return username;
    }

    StaffView view() {
        return new StaffView(username, fullName, phone, email, role, role.label(), unitCode, departmentCode, active,
                notifyBy, notifyBy.label());
    }
}

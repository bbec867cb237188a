package org.gridcase.registry;

/**
 * A member of staff as the API and other modules see them. Exactly one of unitCode, departmentCode is set;
 * {@code notifyBy} is how they hear of their messages besides the workbench's bell.
 */
public record StaffView(String username, String fullName, String phone, String email, StaffRole role,
        String roleLabel, String unitCode, String departmentCode, boolean active, NotifyBy notifyBy,
        String notifyByLabel) {
}

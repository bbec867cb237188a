package org.gridcase.registry;

/** A member of staff was created or changed (including deactivated). Published inside the changing transaction. */
public record StaffChanged(String username) {
}

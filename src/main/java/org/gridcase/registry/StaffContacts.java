package org.gridcase.registry;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.authorization.Groups;
import org.gridcase.system.Caller;
import org.gridcase.system.Callers;
import org.gridcase.system.PhoneNumbers;
import org.springframework.stereotype.Component;

/**
 * Whose phone and e-mail the current caller may read: administrators everyone's, everyone else only those of the
 * people in their own unit or department (the registry's attachment, the same that makes the Camunda groups).
 * For the rest the phone is masked and the e-mail left out. District staff share the district unit.
 */
@Component
class StaffContacts {

    private final Callers callers;
    private final StaffRepository staff;

    StaffContacts(Callers callers, StaffRepository staff) {
        this.callers = callers;
        this.staff = staff;
    }

    /** What the current caller sees of a member of staff (the caller is looked up once). */
    UnaryOperator<StaffView> forCurrentCaller() {
        Caller caller = callers.current();
        if (caller.isMemberOf(Groups.CAMUNDA_ADMIN)) {
            return UnaryOperator.identity();
        }
        Optional<StaffView> self = caller.known() ? staff.findById(caller.userId()).map(Staff::view)
                : Optional.empty();
        return member -> self.filter(me -> colleagues(me, member)).isPresent() ? member : withoutContacts(member);
    }

    private static boolean colleagues(StaffView a, StaffView b) {
        return a.unitCode() != null && Objects.equals(a.unitCode(), b.unitCode())
                || a.departmentCode() != null && Objects.equals(a.departmentCode(), b.departmentCode());
    }

    private static StaffView withoutContacts(StaffView member) {
        return new StaffView(member.username(), member.fullName(), PhoneNumbers.mask(member.phone()), null,
                member.role(), member.roleLabel(), member.unitCode(), member.departmentCode(), member.active(),
                member.notifyBy(), member.notifyByLabel());
    }
}
